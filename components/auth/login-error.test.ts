import { describe, expect, it } from "vitest";
import { HttpError } from "@/lib/api/http";
import { en } from "@/lib/i18n/en";
import { zh } from "@/lib/i18n/zh";
import { loginError } from "./login-error";

describe("loginError", () => {
  it("says wrong credentials in the page's language, whatever the server's wording", () => {
    const e = new HttpError(400, { non_field_errors: ["无法使用提供的认证信息登录。"] });
    expect(loginError(e, zh)).toEqual({ message: "用户名或密码不正确。", fields: {} });
    expect(loginError(e, en)).toEqual({ message: "Wrong username or password.", fields: {} });
  });

  it("says how long to wait after too many failures", () => {
    expect(loginError(new HttpError(429, { detail: "请求超过了限速。预计 840 秒后可用。" }, 840), zh).message).toBe("登录失败次数过多，请 840 秒后再试。");
    expect(loginError(new HttpError(429, { detail: "…" }), en).message).toBe("Too many failed logins. Try again later.");
  });

  it("puts a field's own messages on the field", () => {
    expect(loginError(new HttpError(400, { username: ["该字段不能为空。"] }), zh)).toEqual({ message: null, fields: { username: ["该字段不能为空。"] } });
  });

  it("shows any other failure as it came", () => {
    expect(loginError(new HttpError(500, { detail: "服务器内部错误。" }), zh).message).toBe("服务器内部错误。");
  });
});
