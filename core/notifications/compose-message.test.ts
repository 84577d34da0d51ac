import { describe, expect, it } from "vitest";
import { composeMessage, formatDuration, sampleFacts } from "./compose-message";
import { maskSecrets } from "./mask-secrets";
import { fitting, toMarkdown, toText } from "./render-message";
import { dingtalkSign, dingtalkSignedUrl, feishuSign } from "./sign";

const facts = { ...sampleFacts("张伟"), id: 42, title: "部署", startTime: 1_800_000_000, finishTime: 1_800_003_725 };

describe("composeMessage", () => {
  it("says the state, who, how long, the first failure and links to the job and the re-run", () => {
    const m = composeMessage(facts, "failed", "https://ops.example.com/");
    expect(m.title).toBe("[失败] 部署 #42");
    expect(m.job.url).toBe("https://ops.example.com/jobs/42");
    expect(m.rerunFailedUrl).toBe("https://ops.example.com/jobs/42?rerun=failed");
    expect(Object.fromEntries(m.fields)).toMatchObject({
      作业: "#42",
      状态: "失败",
      执行人: "张伟",
      耗时: "1 小时 2 分 5 秒",
      失败主机: "web-02",
      首个失败: "主机 web-02 的任务 “启动服务”：这是一条测试通知：示例中的失败消息。",
    });
    expect(toText(m)).toContain("web-02 : ok=3 changed=0 unreachable=0 failed=1");
  });

  it("a start says neither recap nor failure, and offers no re-run", () => {
    const m = composeMessage({ ...facts, state: "running", finishTime: null }, "started", "http://localhost:3000");
    expect(m.title).toBe("[开始运行] 部署 #42");
    expect(m.recap).toEqual([]);
    expect(m.rerunFailedUrl).toBeNull();
    expect(m.fields.map(([k]) => k)).toEqual(["模板", "作业", "状态", "执行人", "开始时间"]);
  });

  it("formats durations", () => {
    expect([0, 5, 65, 3600, 3725].map(formatDuration)).toEqual(["0 秒", "5 秒", "1 分 5 秒", "1 小时", "1 小时 2 分 5 秒"]);
  });

  it("drops recap lines, saying how many, until a robot's size limit is met", () => {
    const recap = Array.from(
      { length: 30 },
      (_, i) => `web-${String(i).padStart(3, "0")}.example.com : ok=12 changed=3 unreachable=0 failed=0 skipped=4 rescued=0 ignored=0`,
    );
    const m = composeMessage({ ...facts, recap }, "failed", "http://localhost:3000");
    const md = fitting(m, toMarkdown, 2_000);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(2_000);
    expect(md).toMatch(/…另有 \d+ 台主机/);
    expect(md).toContain("首个失败");
  });
});

describe("signatures and masking", () => {
  it("signs as DingTalk's and Feishu's robots document", () => {
    // HMAC-SHA256, base64: DingTalk keys by the secret over "ts\nsecret"; Feishu keys by "ts\nsecret" over nothing
    expect(dingtalkSign("SECabc", 1700000000000)).toBe("jcUpW0QmtKduN03n4JqQ0PBosVjqnM8gU7fIIvsDmCM=");
    expect(feishuSign("abc", 1700000000)).toBe("VIS10b0EBvzzSdFnuk4tznEmK5wHaruvf/WnViv2yR4=");
    const url = new URL(dingtalkSignedUrl("https://oapi.dingtalk.com/robot/send?access_token=t", "SECabc", 1700000000000));
    expect(url.searchParams.get("access_token")).toBe("t");
    expect(url.searchParams.get("timestamp")).toBe("1700000000000");
    expect(url.searchParams.get("sign")).toBe(dingtalkSign("SECabc", 1700000000000));
  });

  it("masks a target's secrets and its URL's tokens in an error", () => {
    const target = { secret: "SECsecret-1", smtpPassword: "", url: "https://open.feishu.cn/open-apis/bot/v2/hook/0f6b1b9e-aaaa-bbbb-cccc-1234567890ab" };
    expect(maskSecrets("bad sign SECsecret-1 for hook 0f6b1b9e-aaaa-bbbb-cccc-1234567890ab", target)).toBe("bad sign ******** for hook ********");
    expect(
      maskSecrets("key=wecom-key-123 refused", { secret: "", smtpPassword: "", url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=wecom-key-123" }),
    ).toBe("key=******** refused");
  });
});
