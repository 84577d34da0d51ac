/** Why a job has no run to compare with by default (the API's Chinese, as its other messages). */
export const compareMessages = {
  noTemplate: "该作业不是从模板启动的，没有同一模板的运行可以比较。",
  noEarlierSuccess: (template: string) => `模板 “${template}” 在这个作业之前没有成功的运行。`,
};
