/** How much of a client's value a message quotes: enough to recognise it, never a whole body. */
export const MAX_ECHO = 200;

/** A value as an error message quotes it: its text, cut to MAX_ECHO characters with an ellipsis. */
export function echo(value: unknown): string {
  const text = String(value);
  return text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}…` : text;
}

/** DRF's and django-filter's zh-hans wording, so clients see what the original said. */
export const msg = {
  required: "该字段是必填项。",
  null: "该字段不能为 null。",
  blank: "该字段不能为空。",
  invalidString: "不是有效的字符串。",
  nullCharacters: "不允许包含空字符。",
  invalidInteger: "请填写合法的整数值。",
  invalidBoolean: "必须是有效的布尔值。",
  maxStringLength: "字符串值太长。",
  maxLength: (n: number) => `请确保这个字段不能超过 ${n} 个字符。`,
  minValue: (n: number) => `请确保该值大于或者等于 ${n}。`,
  maxValue: (n: number) => `请确保该值小于或者等于 ${n}。`,
  invalidChoice: (v: unknown) => `“${echo(v)}” 不是合法选项。`,
  pkDoesNotExist: (v: unknown) => `无效主键 “${echo(v)}” － 对象不存在。`,
  pkIncorrectType: (t: string) => `类型错误。期望为主键，获得的类型为 ${t}。`,
  notAList: (t: string) => `期望为一个包含物件的列表，得到的类型是“${t}”。`,
  emptyList: "列表字段不能为空值。",
  maxItems: (n: number) => `请确保这个字段不能超过 ${n} 个元素。`,
  invalidUrl: "输入一个有效的 URL。",
  invalidEmail: "输入一个有效的 Email 地址。",
  invalidData: (t: string) => `无效数据。期待为字典类型，得到的是 ${t} 。`,
  filterBadId: "选择一个有效的选项： 该选择不在可用的选项中。",
  filterBadChoice: (v: string) => `选择一个有效的选项。 ${echo(v)} 不在可用的选项中。`,
  filterInvalidNumber: "输入一个数字。",
  statsBadDays: (max: number) => `请输入 1 到 ${max} 之间的整数天数。`,
  notFound: "未找到。",
  methodNotAllowed: (m: string) => `方法 “${echo(m)}” 不被允许。`,
  unsupportedMediaType: (t: string) => `不支持请求中的媒体类型 “${echo(t)}”。`,
  parseError: (why: string) => `JSON 解析错误 - ${echo(why)}`,
  notAuthenticated: "身份认证信息未提供。",
  permissionDenied: "您没有执行该操作的权限。",
} as const;

/** Python's `type(x).__name__` for a parsed JSON value, as DRF prints it. */
export function pyTypeName(v: unknown): string {
  if (v === null) return "NoneType";
  if (Array.isArray(v)) return "list";
  switch (typeof v) {
    case "string":
      return "str";
    case "boolean":
      return "bool";
    case "number":
      return Number.isInteger(v) ? "int" : "float";
    case "object":
      return "dict";
    default:
      return typeof v;
  }
}
