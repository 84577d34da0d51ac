/**
 * The demo catalog: what a small operations team would have set up. Every inventory
 * connects locally, so a job launched from a demo template really runs with Ansible.
 */

export const DEMO_USERS = [
  { username: "fly", displayName: "fly yao", role: "admin" },
  { username: "zhangwei", displayName: "张伟", role: "operator" },
  { username: "lina", displayName: "李娜", role: "operator" },
  { username: "wangfang", displayName: "王芳", role: "viewer" },
  { username: "chen.ops", displayName: "Chen Jie", role: "viewer" },
];

/** Demo users who can log in (a generated password each, printed by scripts/start.sh): one per role below admin. */
export const DEMO_LOGINS = ["zhangwei", "wangfang"];

/** A daily check that fails on one host by design: the demo shows a failed task and its message. */
const INSPECT = `- name: 每日巡检
  hosts: all
  gather_facts: false
  tasks:
    - name: ping
      ansible.builtin.ping:
    - name: 检查 /data 使用率
      ansible.builtin.assert:
        that: disk_used_pct | int < 90
        fail_msg: "/data 使用率 {{ disk_used_pct }}%，超过 90% 阈值"
        success_msg: "/data 使用率 {{ disk_used_pct }}%"
      vars:
        disk_used_pct: "{{ 93 if inventory_hostname == 'app02' else 41 }}"
    - name: 检查时间同步
      ansible.builtin.debug:
        msg: "ntp offset 0.8 ms ({{ ntp_server | default('ntp.aliyun.com') }})"
`;

// the ping runs whatever `--tags` a job names; the other task carries the tags templates use
const ping = (play: string, extra = "") => `- name: ${play}
  hosts: all
  gather_facts: false
  tasks:
    - name: ping
      ansible.builtin.ping:
      tags: [always]
${extra}`;

const debug = (name: string, msg: string, tags: string[] = []) => `    - name: ${name}
      ansible.builtin.debug:
        msg: "${msg}"
${tags.length ? `      tags: [${tags.join(", ")}]\n` : ""}`;

export type DemoProject = { name: string; description: string; folder: string; files: Record<string, string> };

export const DEMO_PROJECTS: DemoProject[] = [
  {
    name: "tomcat 应用",
    description: "订单、用户服务的 tomcat 发布与回滚",
    folder: "tomcat-app",
    files: {
      "main.yml": ping("tomcat 连通性"),
      "deploy.yml": ping(
        "部署 tomcat 应用",
        debug("检查磁盘空间", "/opt 可用 23 GB", ["deploy"]) +
          debug("下载发布包", "{{ app_name | default('order-service') }}-{{ version | default('8.5.100') }}.war downloaded", ["deploy"]) +
          debug("停止 tomcat", "tomcat stopped", ["deploy"]) +
          debug("deploy", "deploying {{ app_name | default('order-service') }} {{ version | default('8.5.100') }}", ["deploy"]) +
          debug("启动 tomcat", "tomcat started", ["deploy"]) +
          debug("健康检查", "GET /health 200", ["deploy"]),
      ),
      "rollback.yml": ping(
        "回滚 tomcat 应用",
        debug("rollback", "rolling back {{ app_name | default('order-service') }}") +
          debug("启动 tomcat", "tomcat started") +
          debug("健康检查", "GET /health 200"),
      ),
    },
  },
  {
    name: "nginx 网关",
    description: "入口网关配置",
    folder: "nginx-gateway",
    files: {
      "main.yml": ping("nginx 连通性"),
      "config.yml": ping(
        "更新 nginx 配置",
        debug("render config", "upstream {{ upstream | default('app') }} updated", ["config"]) +
          debug("nginx -t", "configuration file /etc/nginx/nginx.conf test is successful", ["config"]) +
          debug("reload", "nginx reloaded", ["config", "restart"]),
      ),
      "reload.yml": ping("重载 nginx", debug("reload", "nginx reloaded", ["restart"])),
    },
  },
  {
    name: "系统基线",
    description: "补丁、账号与巡检",
    folder: "os-baseline",
    files: {
      "main.yml": ping("连通性检查"),
      "patch.yml": ping(
        "系统补丁",
        debug("刷新软件源", "repositories refreshed", ["security"]) +
          debug("patch", "security updates applied", ["security"]) +
          debug("检查是否需要重启", "reboot not required", ["security"]),
      ),
      "users.yml": ping(
        "用户同步",
        debug("users", "accounts in sync") + debug("sudoers", "/etc/sudoers.d/ops in sync") + debug("authorized_keys", "keys in sync"),
      ),
      "inspect.yml": INSPECT,
    },
  },
  {
    name: "MySQL 运维",
    description: "备份与参数调整",
    folder: "mysql-ops",
    files: {
      "main.yml": ping("MySQL 连通性"),
      "backup.yml": ping(
        "MySQL 备份",
        debug("检查复制状态", "Seconds_Behind_Master: 0") +
          debug("backup", "backup written to {{ backup_dir | default('/data/backup') }}") +
          debug("校验备份", "checksum ok") +
          debug("清理 7 天前的备份", "3 files removed"),
      ),
    },
  },
  {
    name: "监控 agent",
    description: "node_exporter 与日志采集",
    folder: "monitoring-agent",
    files: {
      "main.yml": ping("监控 agent 连通性"),
      "install.yml": ping("安装监控 agent", debug("install", "node_exporter {{ exporter_version | default('1.8.2') }} installed")),
    },
  },
];

export const DEMO_INVENTORIES = [
  {
    name: "生产环境",
    description: "华东一区生产集群",
    content: `[web]
web01 ansible_host=10.0.1.11
web02 ansible_host=10.0.1.12

[app]
app01 ansible_host=10.0.2.21
app02 ansible_host=10.0.2.22

[db]
db01 ansible_host=10.0.3.31

[all:vars]
ansible_connection=local
`,
    variables: "ntp_server: ntp.aliyun.com",
  },
  {
    name: "测试环境",
    description: "",
    content: `[web]
test-web01 ansible_host=192.168.10.11

[app]
test-app01 ansible_host=192.168.10.21

[all:vars]
ansible_connection=local
`,
    variables: "",
  },
  {
    name: "数据库集群",
    description: "MySQL 主从",
    content: `[mysql]
mysql-master ansible_host=10.0.3.41
mysql-slave01 ansible_host=10.0.3.42
mysql-slave02 ansible_host=10.0.3.43

[all:vars]
ansible_connection=local
`,
    variables: "backup_dir: /data/backup",
  },
  {
    name: "灾备机房",
    description: "同城灾备；dr-db01 的 SSH 端口不通（演示不可达主机）",
    content: `[web]
dr-web01 ansible_host=10.8.1.11

[db]
dr-db01 ansible_host=127.0.0.1 ansible_port=1 ansible_connection=ssh ansible_ssh_common_args="-o ConnectTimeout=3"

[all:vars]
ansible_connection=local
`,
    variables: "",
  },
  {
    name: "本机 localhost",
    description: "在运行本系统的机器上执行",
    content: "localhost ansible_connection=local\n",
    variables: "",
  },
];

export const DEMO_CREDENTIALS = [
  { name: "root 密码", description: "", username: "root", password: "demo-password", becomeMethod: "sudo", becomeUser: "" },
  { name: "deploy 账号", description: "发布专用", username: "deploy", password: "demo-password", becomeMethod: "sudo", becomeUser: "root" },
  { name: "ansible 服务账号", description: "", username: "ansible", password: "", becomeMethod: "sudo", becomeUser: "root" },
];

/** project, inventory and credential are named by their catalog entries. */
export const DEMO_TEMPLATES = [
  {
    name: "tomcat 部署",
    project: "tomcat 应用",
    playbook: "deploy.yml",
    inventory: "生产环境",
    credential: "deploy 账号",
    forks: 10,
    limit: "app",
    tags: "",
    variables: "app_name: order-service\nversion: 8.5.100",
    description: "发布订单服务",
  },
  {
    name: "tomcat 回滚",
    project: "tomcat 应用",
    playbook: "rollback.yml",
    inventory: "生产环境",
    credential: "deploy 账号",
    forks: 10,
    limit: "app",
    tags: "",
    variables: "app_name: order-service",
    description: "",
  },
  {
    name: "nginx 配置更新",
    project: "nginx 网关",
    playbook: "config.yml",
    inventory: "生产环境",
    credential: "root 密码",
    forks: 0,
    limit: "web",
    tags: "config",
    variables: "upstream: order",
    description: "",
  },
  {
    name: "nginx 重载",
    project: "nginx 网关",
    playbook: "reload.yml",
    inventory: "生产环境",
    credential: "root 密码",
    forks: 0,
    limit: "web",
    tags: "",
    variables: "",
    description: "",
  },
  {
    name: "系统补丁",
    project: "系统基线",
    playbook: "patch.yml",
    inventory: "生产环境",
    credential: "ansible 服务账号",
    forks: 5,
    limit: "",
    tags: "security",
    variables: "",
    description: "每周安全补丁",
  },
  {
    name: "用户同步",
    project: "系统基线",
    playbook: "users.yml",
    inventory: "测试环境",
    credential: "ansible 服务账号",
    forks: 0,
    limit: "",
    tags: "",
    variables: "",
    description: "",
  },
  {
    name: "连通性检查",
    project: "系统基线",
    playbook: "main.yml",
    inventory: "本机 localhost",
    credential: "root 密码",
    forks: 0,
    limit: "",
    tags: "",
    variables: "",
    description: "",
  },
  {
    name: "MySQL 备份",
    project: "MySQL 运维",
    playbook: "backup.yml",
    inventory: "数据库集群",
    credential: "root 密码",
    forks: 0,
    limit: "",
    tags: "",
    variables: "backup_dir: /data/backup",
    description: "全量备份",
  },
  {
    name: "监控 agent 安装",
    project: "监控 agent",
    playbook: "install.yml",
    inventory: "测试环境",
    credential: "deploy 账号",
    forks: 20,
    limit: "",
    tags: "",
    variables: "exporter_version: 1.8.2",
    description: "",
  },
  {
    name: "每日巡检",
    project: "系统基线",
    playbook: "inspect.yml",
    inventory: "生产环境",
    credential: "ansible 服务账号",
    forks: 5,
    limit: "",
    tags: "",
    variables: "",
    description: "磁盘、时间同步；app02 的 /data 超过阈值（演示失败的任务）",
  },
  {
    name: "灾备巡检",
    project: "系统基线",
    playbook: "inspect.yml",
    inventory: "灾备机房",
    credential: "ansible 服务账号",
    forks: 5,
    limit: "",
    tags: "",
    variables: "",
    description: "",
  },
];

/** Launched at first start, so the demo has real output with a failed task and an unreachable host. */
export const DEMO_LAUNCHES = ["每日巡检", "灾备巡检"];

export const DEMO_SCHEDULES = [
  { name: "MySQL 每日备份", template: "MySQL 备份", cron: "0 2 * * *", owner: "zhangwei" },
  { name: "每周系统补丁", template: "系统补丁", cron: "30 3 * * 6", owner: "lina" },
  { name: "连通性巡检", template: "连通性检查", cron: "0 */4 * * *", owner: "fly" },
];
