/** Strings of the job page's second pass: failures first, line anchors, wrapping, the re-run confirmation. */
export const jobPageZh = {
  failures: {
    title: (n: number) => `失败的主机（${n}）`,
    region: "失败摘要",
    task: (task: string) => `任务 “${task}”`,
    noTask: "未记录失败的任务",
    line: (n: number) => `第 ${n} 行`,
    locating: "正在查找输出中的位置…",
    notInOutput: "输出中没有这台主机的失败行",
    prev: "上一处失败",
    next: "下一处失败",
    position: (at: number, n: number) => (at > 0 ? `失败 ${at}/${n}` : `共 ${n} 处失败`),
  },
  lineView: {
    wrap: "自动换行",
    wrapHint: "长行折成多行显示；关闭后可横向滚动（本浏览器会记住这个选择）",
    lineLink: (n: number) => `链接到第 ${n} 行`,
  },
  rerunConfirm: {
    title: (id: number) => `重新执行作业 #${id}`,
    body: "将按原作业的选项重新执行：",
    template: "模板",
    playbook: "剧本",
    module: "模块",
    inventory: "主机清单",
    limit: "限制主机",
    noLimit: "（不限制，清单中的全部主机）",
    hosts: "主机数",
    hostCount: (n: number) => `${n} 台`,
    hostsUnknown: "未知",
    dontAsk: "不再询问",
    confirm: "确认重新执行",
    cancel: "取消",
  },
  skipToJobs: "跳到作业列表",
  queue: {
    place: (position: number, template: boolean, name: string, limit: number) =>
      `排队中，第 ${position} 位（${template ? "模板" : "主机清单"}“${name}”同时只允许 ${limit} 个作业）`,
    short: (position: number) => `第 ${position} 位`,
  },
};

export type JobPageDictionary = typeof jobPageZh;
