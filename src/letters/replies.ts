// The decision paragraph of a 答复书 for each outcome (spec §4), quoting its legal basis. Pure.
// 《条例》 = 《中华人民共和国政府信息公开条例》 (国务院令第711号, 2019); it is named in full once, in the first
// paragraph of the letter (compose.ts), and as 《条例》 after that.
import type { OutcomeCode } from '../applications/model.ts';
import { errors } from '../errors.ts';

export interface ReplyDetails {
  /** Free text: what is withheld and why, what is provided and how, or the particular facts of the case. */
  reason?: string;
  /** 第三十六条（一）/第三十九条第二款: where the already published information or the publication can be had. */
  where?: string;
  /** 第三十六条（五）: the agency responsible for the information, and how to reach it. */
  rightAgency?: string;
  rightAgencyContact?: string;
  /** 第三十六条（六）: the earlier reply (its number or date). */
  previousReply?: string;
}

const field = (name: string, label: string) => errors.validation(name, label, '该答复类型须填写');
const sentence = (text: string | undefined) => (text ? `${text.trim().replace(/[。；;，,]$/, '')}。` : '');

/** 第三十六条（三）with the article that makes the information exempt. */
const WITHHELD: Partial<Record<OutcomeCode, { what: string; basis: string }>> = {
  // 第十四条: 国家秘密、法律行政法规禁止公开、危及“三安全一稳定”.
  withheldStateSecret: { what: '属于国家秘密', basis: '第十四条' },
  withheldProhibitedByLaw: { what: '属于法律、行政法规禁止公开的政府信息', basis: '第十四条' },
  withheldSecurityStability: {
    what: '公开后可能危及国家安全、公共安全、经济安全、社会稳定',
    basis: '第十四条',
  },
  // 第十五条: 商业秘密、个人隐私等, 第三方不同意公开.
  withheldThirdPartyRights: {
    what: '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害',
    basis: '第十五条',
  },
  // 第十六条第一款: 人事管理、后勤管理、内部工作流程等内部事务信息.
  withheldInternalAffairs: {
    what: '属于人事管理、后勤管理、内部工作流程等方面的内部事务信息',
    basis: '第十六条第一款',
  },
  // 第十六条第二款: 讨论记录、过程稿、磋商信函、请示报告等过程性信息.
  withheldDeliberative: {
    what: '属于本机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息',
    basis: '第十六条第二款',
  },
  // 第十六条第二款: 行政执法案卷信息.
  withheldEnforcementFile: { what: '属于行政执法案卷信息', basis: '第十六条第二款' },
};

/** The paragraphs stating the decision and its basis; details fill in what only the case can say. */
export function decisionParagraphs(outcome: OutcomeCode, d: ReplyDetails): string[] {
  const reason = sentence(d.reason);
  const withheld = WITHHELD[outcome];
  if (withheld)
    return [
      `经审查，您申请获取的政府信息${withheld.what}。${reason}根据《条例》${withheld.basis}、第三十六条第（三）项的规定，本机关决定不予公开。`,
    ];
  switch (outcome) {
    case 'granted':
      // 第三十六条（一）: already published — say where; （二）: provide it, or say how and when.
      if (d.where)
        return [
          `经查，您申请获取的政府信息已经主动公开。根据《条例》第三十六条第（一）项的规定，您可以通过以下途径获取：${sentence(d.where)}`,
        ];
      return [
        `经查，您申请获取的政府信息属于公开范围。根据《条例》第三十六条第（二）项的规定，本机关予以公开，${reason || '现将该政府信息提供给您，请查收。'}`,
      ];
    case 'partlyGranted':
      // 第三十七条: 区分处理 — provide what can be disclosed, give reasons for the rest.
      if (!d.reason) throw field('reason', '不予公开部分的内容及理由');
      return [
        '经查，您申请公开的政府信息中含有不应当公开或者不属于政府信息的内容，但是能够作区分处理。根据《条例》第三十七条的规定，本机关向您提供可以公开的政府信息内容（见附件）。',
        `对不予公开的内容，说明理由如下：${reason}`,
      ];
    case 'withheldQueryMatter':
      // 第三十六条（七）: 工商、不动产登记资料等 — laws give their own way of access (usual practice: counted as
      // 行政查询事项 in table 三).
      return [
        `经查，您申请获取的信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定。${reason}根据《条例》第三十六条第（七）项的规定，请您按照有关法律、行政法规的规定办理。`,
      ];
    case 'unableNotHeld':
      // 第三十六条（五）when another agency is responsible; otherwise （四）: not held after search.
      if (d.rightAgency)
        return [
          `经查，您申请公开的政府信息不属于本机关负责公开。根据《条例》第三十六条第（五）项的规定，该政府信息由${d.rightAgency.trim()}负责公开${d.rightAgencyContact ? `（联系方式：${d.rightAgencyContact.trim()}）` : ''}，请您向其提出申请。`,
        ];
      return [
        `经检索查找，本机关没有制作或者获取您申请公开的政府信息。${reason}根据《条例》第三十六条第（四）项的规定，告知您该政府信息不存在。`,
      ];
    case 'unableNeedsCreation':
      // 第三十八条: 需要对现有政府信息进行加工、分析的，可以不予提供.
      return [
        `经查，本机关没有现成的政府信息，您所申请的内容需要本机关对现有政府信息进行加工、分析。${reason}根据《条例》第三十八条的规定，本机关不予提供。`,
      ];
    case 'unableStillUnclear':
      // 第三十条: 补正后申请内容仍不明确.
      return [
        `本机关已依照《条例》第三十条的规定告知您作出补正，经补正后，您的申请内容仍不明确，本机关无法确定您所需的政府信息。${reason}请您明确所需政府信息的名称、文号或者便于查询的其他特征性描述后重新提出申请。`,
      ];
    case 'rejectedPetition':
      // 第三十九条第一款: 以申请形式进行信访、投诉、举报等活动.
      return [
        `经审查，您以政府信息公开申请的形式进行信访、投诉、举报等活动。${reason}根据《条例》第三十九条第一款的规定，本机关不作为政府信息公开申请处理，请您通过相应渠道提出。`,
      ];
    case 'rejectedDuplicate':
      // 第三十六条（六）: 已就申请人提出的政府信息公开申请作出答复、申请人重复申请公开相同政府信息.
      return [
        `经查，本机关已就您提出的相同政府信息公开申请作出答复${d.previousReply ? `（${d.previousReply.trim()}）` : ''}，您重复申请公开相同政府信息。根据《条例》第三十六条第（六）项的规定，本机关不予重复处理。`,
      ];
    case 'rejectedPublication':
      // 第三十九条第二款: 要求提供政府公报、报刊、书籍等公开出版物的，可以告知获取的途径.
      return [
        `经审查，您要求提供的是政府公报、报刊、书籍等公开出版物。根据《条例》第三十九条第二款的规定，告知您获取的途径：${sentence(d.where) || '请通过公开发行渠道获取。'}`,
      ];
    case 'rejectedExcessive':
      // 第三十五条: 数量、频次明显超过合理范围，说明理由不合理的，告知不予处理.
      return [
        `您提出的政府信息公开申请的数量、频次明显超过合理范围，本机关已要求您说明理由，经审查，本机关认为申请理由不合理。${reason}根据《条例》第三十五条的规定，本机关不予处理。`,
      ];
    case 'rejectedConfirmation':
      // Not a request for government information (第二条): asks to confirm or re-issue what the applicant holds.
      return [
        `经审查，您要求本机关确认或者重新出具您已获取的信息，该要求不属于《条例》第二条所称的获取政府信息。${reason}本机关不作为政府信息公开申请处理。`,
      ];
    case 'otherNoCorrection':
      // 第三十条: 无正当理由逾期不补正的，视为放弃申请.
      return [
        '本机关已依照《条例》第三十条的规定一次性告知您需要补正的事项和合理的补正期限，您无正当理由逾期未补正。根据《条例》第三十条的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。',
      ];
    case 'otherUnpaidFee':
      // 国办函〔2020〕109号: 逾期未缴纳信息处理费的，视为放弃申请.
      return [
        '本机关已向您发出信息处理费收费通知，您未在规定期限内缴纳。根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。',
      ];
    case 'otherOther':
      if (!d.reason) throw field('reason', '答复内容');
      return [reason];
  }
  throw errors.validation('outcome', '办理结果', `“${outcome}”不是可答复的办理结果`);
}
