// What the national format (国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》) asks each narrative
// section of the annual report to cover, shown beside the editor so the clerk writes what evaluators look for
// instead of last year's text with this year's date. Section 六 adds the 信息处理费 statement of 国办函〔2020〕109号
// (required even when nothing was collected) and what 条例第五十条 asks of people's governments.
import type { TextSection } from '../../annual/model.ts';

export interface SectionPrompt {
  /** The basis: which document asks for it. */
  basis: string;
  /** The topics to cover, each with what to say about it. */
  topics: { topic: string; ask: string }[];
}

export const SECTION_PROMPTS: Record<TextSection, SectionPrompt> = {
  overview: {
    basis: '国办公开办函〔2021〕30号：总体情况从以下五个方面概述本年度工作，用数据说话，避免与上年雷同。',
    topics: [
      {
        topic: '主动公开',
        ask: '本年度主动公开政府信息的数量和重点领域（政策文件、政策解读、财政预决算、重大建设项目、公共资源配置、社会公益事业等），解读、回应关切情况。',
      },
      {
        topic: '依申请公开',
        ask: '收到申请的数量和同比变化，办理结果、答复时限情况，依法答复、规范答复文书的做法，被复议诉讼及纠错情况。',
      },
      {
        topic: '政府信息管理',
        ask: '公开前保密审查、政府信息公开属性认定、规章和行政规范性文件的集中公开与动态更新、政府信息公开指南和目录的维护。',
      },
      {
        topic: '平台建设',
        ask: '政府网站信息公开专栏、政务新媒体、政府公报、政务服务中心查阅点等平台的建设和运行情况。',
      },
      {
        topic: '监督保障',
        ask: '工作机构和人员配备、培训、考核、社会评议、责任追究，以及接受监督、举报处理情况。',
      },
    ],
  },
  problems: {
    basis: '国办公开办函〔2021〕30号：如实写明存在的主要问题及改进情况，不得以成绩代替问题。',
    topics: [
      {
        topic: '上年度问题的整改',
        ask: '上一年度报告所列问题逐项说明整改措施和整改结果；未整改到位的说明原因。',
      },
      {
        topic: '本年度存在的主要问题',
        ask: '结合本年度数据（如答复逾期、被复议纠错、公开不及时、解读质量不高）具体指出问题，避免空泛表述。',
      },
      {
        topic: '改进措施',
        ask: '针对每个问题提出可检查的具体措施、责任部门和完成时限。',
      },
    ],
  },
  other: {
    basis:
      '国办公开办函〔2021〕30号“其他需要报告的事项”；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）；条例第五十条。',
    topics: [
      {
        topic: '信息处理费',
        ask: '按照国办函〔2020〕109号说明本年度发出收费通知的件数和收取信息处理费的金额；未收取的也应写明“本年度未收取信息处理费”。',
      },
      {
        topic: '人大代表建议和政协提案',
        ask: '本年度人大代表建议和政协提案办理结果的公开情况（件数、公开方式）。',
      },
      {
        topic: '年度工作要点落实',
        ask: '落实上级政务公开工作要点的情况。',
      },
      {
        topic: '考核、评议和责任追究（人民政府）',
        ask: '人民政府的年度报告还应说明政府信息公开工作考核、社会评议和责任追究结果。',
      },
    ],
  },
};
