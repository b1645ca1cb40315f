// The online application form (条例第二十九条: name, identity proof, contact, a description of the information, the
// form wanted). Every field has a label; the group for a person and the group for an organisation are both shown
// (no script is needed), each saying when to fill it in. The anti-abuse trap field is hidden from everyone.
import type { Agency } from '../../agencies/model.ts';
import {
  DELIVERIES,
  DELIVERY_LABELS,
  ID_TYPE_LABELS,
  ID_TYPES,
  PROVISION_FORM_LABELS,
  PROVISION_FORMS,
} from '../../applications/model.ts';
import { type AttachmentLimits, DEFAULT_ATTACHMENT_LIMITS } from '../../attachments/model.ts';
import {
  ErrorSummary,
  FieldError,
  type FormError,
  fieldId,
  SelectField,
  TextField,
  type Values,
} from '../console/form.tsx';
import { AttachmentField } from './attachment-field.tsx';

/** The trap: a field no person sees or reaches; a script that fills every field fills it. */
export const HONEYPOT = 'homepage';

/** The trap field people do not see (nor screen readers hear) and robots fill in. */
export function HoneypotField() {
  return (
    <div class="hp" aria-hidden="true">
      <label for="f-homepage">请勿填写此项</label>
      <input type="text" id="f-homepage" name={HONEYPOT} value="" tabindex={-1} autocomplete="off" />
    </div>
  );
}

const KINDS: [string, string, string][] = [
  ['naturalPerson', '个人（自然人）', '以自己的名义申请'],
  ['business', '商业企业', '公司、个体工商户等'],
  ['research', '科研机构', '科研院所、高等学校的研究机构等'],
  ['nonprofit', '社会公益组织', '基金会、社会团体、民办非企业单位等'],
  ['legalService', '法律服务机构', '律师事务所、基层法律服务所、公证机构等'],
  ['otherOrg', '其他组织', '不属于以上各类的法人或其他组织'],
];

/** A group of radio buttons: the legend names the question, the error follows it; the first button carries the id
 * the error summary links to. */
function Radios(props: {
  name: string;
  legend: string;
  options: [string, string, string?][];
  values: Values;
  error: FormError | undefined;
}) {
  const invalid = props.error?.field === props.name;
  const current = props.values[props.name] ?? '';
  return (
    <fieldset class="choices" aria-describedby={invalid ? `${fieldId(props.name)}-error` : undefined}>
      <legend>
        {props.legend}
        <span class="required">（必选）</span>
      </legend>
      <FieldError name={props.name} error={props.error} />
      {props.options.map(([value, label, hint], i) => {
        const id = i === 0 ? fieldId(props.name) : `${fieldId(props.name)}-${value}`;
        return (
          <div class="choice">
            <input type="radio" id={id} name={props.name} value={value} checked={current === value} required />
            <label for={id}>
              {label}
              {hint ? <span class="hint">（{hint}）</span> : null}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

function TextArea(props: { name: string; label: string; hint: string; values: Values; error: FormError | undefined }) {
  const invalid = props.error?.field === props.name;
  const id = fieldId(props.name);
  return (
    <div class="field">
      <label for={id}>
        {props.label}
        <span class="required">（必填）</span>
      </label>
      <p class="hint" id={`${id}-hint`}>
        {props.hint}
      </p>
      <textarea
        id={id}
        name={props.name}
        rows={6}
        maxlength={2000}
        required
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
      >
        {props.values[props.name] ?? ''}
      </textarea>
      <FieldError name={props.name} error={props.error} />
    </div>
  );
}

export interface ApplyFormProps {
  csrf: string;
  stamp: string;
  agencies: Agency[];
  values: Values;
  error?: FormError | undefined;
  /** A message above the form that is not about one field (too fast, trap filled). */
  notice?: string | undefined;
  /** Upload limits shown beside the attachments field (attachments/). */
  limits?: AttachmentLimits;
}

export function ApplyForm(props: ApplyFormProps) {
  const { values, error } = props;
  const f = { values, error };
  return (
    <>
      {props.notice ? (
        <div class="alert" role="alert">
          <p>{props.notice}</p>
        </div>
      ) : (
        <ErrorSummary error={error} />
      )}
      <form method="post" action="/apply" class="stack wide" enctype="multipart/form-data" novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <input type="hidden" name="stamp" value={props.stamp} />
        <fieldset>
          <legend>一、向哪个机关申请</legend>
          <SelectField
            name="agencyId"
            label="受理机关"
            required
            hint="请选择制作或保存该信息的机关。不清楚时，可选择本级人民政府，工作人员会告诉您应向哪个机关申请。"
            options={[['', '请选择'], ...props.agencies.map((a): [string, string] => [String(a.id), a.name])]}
            {...f}
          />
        </fieldset>
        <fieldset>
          <legend>二、申请人</legend>
          <Radios name="applicantKind" legend="申请人类型" options={KINDS} {...f} />
          <TextField
            name="applicantName"
            label="申请人姓名或单位名称"
            required
            maxlength={100}
            autocomplete="name"
            hint="个人填写本人姓名；单位填写证照上的全称。"
            {...f}
          />
        </fieldset>
        <fieldset id="g-person">
          <legend>三、个人的身份证件（以个人名义申请时填写）</legend>
          <SelectField
            name="idType"
            label="证件类型"
            options={[['', '请选择'], ...ID_TYPES.map((t): [string, string] => [t, ID_TYPE_LABELS[t]])]}
            {...f}
          />
          <TextField name="idNumber" label="证件号码" maxlength={40} hint="居民身份证为18位，末位可能是X。" {...f} />
        </fieldset>
        <fieldset id="g-org">
          <legend>四、单位的信息（以单位名义申请时填写）</legend>
          <TextField
            name="creditCode"
            label="统一社会信用代码"
            maxlength={18}
            hint="18位，见营业执照或登记证书。"
            {...f}
          />
          <TextField name="contactPerson" label="联系人姓名" maxlength={50} {...f} />
        </fieldset>
        <fieldset>
          <legend>五、联系方式（至少填写一项）</legend>
          <TextField name="phone" label="联系电话" type="tel" maxlength={30} autocomplete="tel" {...f} />
          <TextField name="email" label="电子邮箱" type="email" maxlength={200} autocomplete="email" {...f} />
          <TextField
            name="address"
            label="通信地址"
            maxlength={200}
            autocomplete="street-address"
            hint="选择邮寄的，必须填写。"
            {...f}
          />
          <TextField name="postcode" label="邮政编码" maxlength={6} autocomplete="postal-code" {...f} />
        </fieldset>
        <fieldset>
          <legend>六、您想获取的政府信息</legend>
          <TextArea
            name="description"
            label="信息的名称、内容或其他特征"
            hint="尽量写清楚：哪一年、哪个方面、什么内容。例如：2024年本区老旧小区改造项目清单及资金安排。"
            {...f}
          />
          <TextField
            name="documentRef"
            label="文件名称或文号（知道的话填写）"
            maxlength={200}
            hint="例如：某政办发〔2024〕12号。"
            {...f}
          />
        </fieldset>
        <fieldset>
          <legend>七、提供和获取方式</legend>
          <Radios
            name="provisionForm"
            legend="希望以什么形式提供"
            options={PROVISION_FORMS.map((p): [string, string] => [p, PROVISION_FORM_LABELS[p]])}
            {...f}
          />
          <Radios
            name="delivery"
            legend="希望怎样拿到"
            options={DELIVERIES.map((d): [string, string] => [d, DELIVERY_LABELS[d]])}
            {...f}
          />
        </fieldset>
        <HoneypotField />
        <AttachmentField legend="八、附件" limits={props.limits ?? DEFAULT_ATTACHMENT_LIMITS} error={error} />
        <fieldset>
          <legend>九、声明</legend>
          <div class="choice">
            <input
              type="checkbox"
              id={fieldId('declaration')}
              name="declaration"
              value="1"
              checked={values.declaration === '1'}
              required
              aria-invalid={error?.field === 'declaration' ? 'true' : undefined}
              aria-describedby={error?.field === 'declaration' ? `${fieldId('declaration')}-error` : undefined}
            />
            <label for={fieldId('declaration')}>本人（本单位）确认以上填写的内容真实、准确。</label>
          </div>
          <FieldError name="declaration" error={error} />
        </fieldset>
        <button type="submit">提交申请</button>
      </form>
    </>
  );
}
