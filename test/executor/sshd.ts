import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort } from "../free-port";

export type TestSshd = {
  port: number;
  user: string;
  password: string;
  privateKey: string;
  stop: () => Promise<void>;
};

const run = (cmd: string, args: string[], input?: string) => execFileSync(cmd, args, { input, stdio: ["pipe", "pipe", "pipe"] }).toString();

/**
 * A throwaway sshd on a loopback port (never 22) with its own host key, and a throwaway
 * user with a password, an authorized key and sudo that asks for the password. All of
 * it is removed by `stop()`.
 */
export async function startTestSshd(): Promise<TestSshd> {
  if (process.getuid?.() !== 0) throw new Error("the SSH tests create a user and start sshd: they must run as root");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zuoye-sshd-"));
  const port = await freePort();
  const user = `zy${Math.random().toString(36).slice(2, 8)}`;
  const password = `Pw-${Math.random().toString(36).slice(2, 10)}-x`;
  run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", path.join(dir, "host_key")]);
  run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "zuoye-test", "-f", path.join(dir, "user_key")]);
  run("useradd", ["-m", "-s", "/bin/bash", user]);
  run("chpasswd", [], `${user}:${password}\n`);
  const sudoers = `/etc/sudoers.d/${user}`;
  fs.writeFileSync(sudoers, `${user} ALL=(ALL) ALL\n`, { mode: 0o440 });
  fs.mkdirSync(path.join(dir, "keys"));
  fs.copyFileSync(path.join(dir, "user_key.pub"), path.join(dir, "keys", user));
  // sshd reads authorized keys as the user: the path must be readable to it
  fs.chmodSync(dir, 0o755);
  fs.chmodSync(path.join(dir, "keys"), 0o755);
  fs.chmodSync(path.join(dir, "keys", user), 0o644);
  fs.mkdirSync("/run/sshd", { recursive: true });
  const config = path.join(dir, "sshd_config");
  fs.writeFileSync(
    config,
    [
      `Port ${port}`,
      "ListenAddress 127.0.0.1",
      `HostKey ${path.join(dir, "host_key")}`,
      `PidFile ${path.join(dir, "sshd.pid")}`,
      "PasswordAuthentication yes",
      "KbdInteractiveAuthentication no",
      "PubkeyAuthentication yes",
      "UsePAM no",
      `AuthorizedKeysFile ${path.join(dir, "keys")}/%u`,
      "StrictModes no",
      `AllowUsers ${user}`,
      "PermitRootLogin no",
      "Subsystem sftp internal-sftp",
      "",
    ].join("\n"),
  );
  const sshd: ChildProcess = spawn("/usr/sbin/sshd", ["-D", "-e", "-f", config], { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  sshd.stderr!.on("data", (d) => (log += d));
  const deadline = Date.now() + 10_000;
  for (;;) {
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, "127.0.0.1", () => {
        s.end();
        resolve(true);
      });
      s.on("error", () => resolve(false));
    });
    if (up) break;
    if (Date.now() > deadline || sshd.exitCode !== null) throw new Error(`sshd did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    user,
    password,
    privateKey: fs.readFileSync(path.join(dir, "user_key"), "utf8"),
    async stop() {
      sshd.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 200));
      try {
        run("pkill", ["-KILL", "-u", user]);
      } catch {
        /* no process left */
      }
      try {
        run("userdel", ["-r", "-f", user]);
      } catch {
        /* already gone */
      }
      fs.rmSync(sudoers, { force: true });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
