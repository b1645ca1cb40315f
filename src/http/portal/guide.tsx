// 政府信息公开指南 (条例第十二条): generated from each agency's settings — what is published of the agency's own accord
// and how, where and how to apply, the time limits, the fees (国办函〔2020〕109号) and the remedies (第五十一条) with
// the 复议机关 and the court by name. '/guide' shows the top government's guide and lists every agency's.
import { type Context, Hono } from 'hono';
import type { Agency } from '../../agencies/model.ts';
import { listAgencyRows } from '../../agencies/repository.ts';
import { ARTICLE20_ITEMS } from '../../catalog/model.ts';
import type { AppEnv } from '../env.ts';
import { PortalPage } from '../layout.tsx';
import { html } from '../render.ts';
import { agencyTree } from './catalog-views.tsx';

export const guideRoutes = new Hono<AppEnv>();

const or = (value: string | null, fallback = '（未设置）') => value ?? fallback;

function Contact(props: { agency: Agency }) {
  const a = props.agency;
  const rows: [string, string | null][] = [
    ['受理机构', `${a.name}政府信息公开工作机构`],
    ['办公地址', a.officeAddress],
    ['办公时间', a.officeHours],
    ['联系电话', a.officePhone],
    ['传真', a.officeFax],
    ['电子邮箱', a.officeEmail],
    ['网站', a.website],
  ];
  return (
    <dl class="settings">
      {rows.map(([label, value]) => (
        <>
          <dt>{label}</dt>
          <dd>{label === '网站' && value ? <a href={value}>{value}</a> : or(value)}</dd>
        </>
      ))}
    </dl>
  );
}

function Guide(props: { agency: Agency; parent: Agency | null }) {
  const a = props.agency;
  const reviewBody = a.reviewBody ?? props.parent?.name ?? null;
  return (
    <>
      <p>
        为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第十二条，编制本指南。本指南由
        {a.name}
        负责解释，随机关设置和联系方式的变化及时更新。
      </p>

      <h2>一、主动公开</h2>
      <h3>（一）公开范围</h3>
      <p>
        按照《条例》第十九条、第二十条，本机关主动公开涉及公众利益调整、需要公众广泛知晓或者需要公众参与决策的政府信息，主要包括：
      </p>
      <ul class="article20">
        {Object.values(ARTICLE20_ITEMS).map((text) => (
          <li>{text}</li>
        ))}
      </ul>
      <p>
        具体内容见
        <a href={`/catalog?agency=${a.id}`}>{a.name}政府信息公开目录</a>。
      </p>
      <h3>（二）公开方式</h3>
      <p>
        主动公开的政府信息通过本网站“政府信息公开”专栏发布，并视情况通过政府公报、新闻发布会以及报刊、广播、电视等途径予以公开（《条例》第二十三条）；同时在国家档案馆、公共图书馆和政务服务场所设置的政府信息查阅场所提供查阅（《条例》第二十五条）。
      </p>
      <h3>（三）公开时限</h3>
      <p>属于主动公开范围的政府信息，自该政府信息形成或者变更之日起20个工作日内予以公开（《条例》第二十六条）。</p>
      <h3>（四）目录编排</h3>
      <p>
        政府信息公开目录按信息类别、主题分类、发布年份编排，每条信息列明索引号、标题、文号、发布机构、成文日期和发布日期；规章和行政规范性文件标明有效、已修改、废止或者失效等效力状态。
      </p>

      <h2>二、依申请公开</h2>
      <h3>（一）受理机构</h3>
      <Contact agency={a} />
      <h3>（二）申请方式</h3>
      <ul>
        <li>
          <strong>网上申请：</strong>通过本网站<a href="/apply">在线申请</a>
          填写申请表，提交后取得查询号和查询码，可随时查询办理进度。
        </li>
        <li>
          <strong>信函申请：</strong>将填写完整的申请表邮寄至{or(a.officeAddress, '受理机构办公地址')}，
          请在信封左下角注明“政府信息公开申请”字样。
        </li>
        <li>
          <strong>当面申请：</strong>在办公时间（{or(a.officeHours, '工作日')}）到
          {or(a.officeAddress, '受理机构办公地址')}
          当面提交申请。书面申请确有困难的，可以口头提出，由受理机构代为填写申请。
        </li>
      </ul>
      <p>
        申请内容应当包括：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；申请公开的政府信息的形式要求，包括获取信息的方式、途径（《条例》第二十九条）。
      </p>
      <h3>（三）办理时限</h3>
      <ul>
        <li>能够当场答复的，当场予以答复。</li>
        <li>
          不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日（《条例》第三十三条）。
        </li>
        <li>
          申请内容不明确的，自收到申请之日起7个工作日内一次性告知申请人作出补正；答复期限自收到补正的申请之日起计算（《条例》第三十条）。
        </li>
        <li>征求第三方和其他机关意见所需时间不计算在答复期限内（《条例》第三十二条、第三十三条）。</li>
      </ul>
      <h3>（四）收费</h3>
      <p>
        行政机关依申请提供政府信息，不收取费用。但是，申请人申请公开政府信息的数量、频次明显超过合理范围的，按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费（《条例》第四十二条）：
      </p>
      <ul>
        <li>
          按件计收：同一申请人一个自然月内累计申请10件以下（含10件）的，不收费；11—30件的部分，每件收费100元；31件以上的部分，以10件为一档，每增加一档，收费标准提高100元。
        </li>
        <li>
          按量计收：30页以下（含30页）的，不收费；31—100页的部分，每页收费10元；101—200页的部分，每页收费20元；201页以上的部分，每页收费40元。
        </li>
      </ul>

      <h2>三、监督和救济</h2>
      <ul>
        <li>
          公民、法人或者其他组织认为本机关未依法履行政府信息公开义务的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报（《条例》第四十七条、第五十一条）。
        </li>
        <li>
          认为本机关在政府信息公开工作中侵犯其合法权益的，可以自知道该行政行为之日起60日内向
          <strong>{or(reviewBody, '本级人民政府')}</strong>申请行政复议，或者自知道或者应当知道该行政行为之日起6个月内向
          <strong>{or(a.court, '有管辖权的人民法院')}</strong>提起行政诉讼（《条例》第五十一条）。
        </li>
      </ul>

      <h2>四、年度报告</h2>
      <p>
        本机关于每年1月31日前公布本机关上一年度政府信息公开工作年度报告（人民政府为3月31日前），见
        <a href="/reports">政府信息公开年报</a>栏目。
      </p>
    </>
  );
}

function OtherGuides(props: { agencies: readonly Agency[]; current: number }) {
  return (
    <nav aria-labelledby="guides-title" class="related">
      <h2 id="guides-title">各机关的政府信息公开指南</h2>
      <ul class="tree">
        {agencyTree(props.agencies).map(({ agency, depth }) => (
          <li class={`depth-${Math.min(depth, 3)}`}>
            <a href={`/guide/${agency.id}`} aria-current={agency.id === props.current ? 'page' : undefined}>
              {agency.name}政府信息公开指南
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

async function guidePage(c: Context<AppEnv>, id: number | null) {
  const agencies = await listAgencyRows(c.get('ctx').db.kysely);
  const agency = id === null ? agencyTree(agencies)[0]?.agency : agencies.find((a) => a.id === id);
  if (!agency && id !== null) return c.notFound();
  const title = agency ? `${agency.name}政府信息公开指南` : '政府信息公开指南';
  const parent = agency?.parentId ? (agencies.find((a) => a.id === agency.parentId) ?? null) : null;
  return html(
    c,
    <PortalPage title={title} settings={c.get('settings')} current="/guide">
      <h1>{title}</h1>
      {agency ? <Guide agency={agency} parent={parent} /> : <p class="notice">尚未设置机关信息。</p>}
      {agencies.length > 1 ? <OtherGuides agencies={agencies} current={agency?.id ?? 0} /> : null}
    </PortalPage>,
  );
}

guideRoutes.get('/guide', (c) => guidePage(c, null));
guideRoutes.get('/guide/:id{[0-9]{1,12}}', (c) => guidePage(c, Number(c.req.param('id'))));
