import type { Database } from "@/db/client";
import { openConfiguredDatabase } from "@/core/data-dir";
import { readConfig, type Config } from "@/core/config";

/** The configured database for a one-off command (DATABASE_URL, or the embedded PGlite when the server is stopped). */
export async function openCliDatabase(): Promise<{ config: Config; database: Database }> {
  const config = readConfig();
  const database = await openConfiguredDatabase(config, 1);
  return { config, database };
}

/** Reads a secret from stdin: a hidden prompt on a terminal, the first line of a pipe otherwise. */
export async function readSecret(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const c of stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0]!;
  }
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = "";
    const onData = (buf: Buffer) => {
      for (const ch of buf.toString("utf8")) {
        if (ch === "\r" || ch === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          process.stderr.write("\n");
          return resolve(value);
        }
        if (ch === "\u0003") {
          stdin.setRawMode(false);
          return reject(new Error("cancelled"));
        }
        if (ch === "\u007f") value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}
