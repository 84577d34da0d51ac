import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/**
 * Django's CommonPasswordValidator list, as Django 5.2 ships it
 * (`django/contrib/auth/common-passwords.txt.gz`, BSD-3-Clause; 20,000 passwords by Royce
 * Williams, lowercased and deduplicated). Kept byte for byte, so its sha256 can be checked
 * against any Django 5.2 release.
 */
const LIST_FILE = path.join(/*turbopackIgnore: true*/ process.cwd(), "server", "users", "common-passwords.txt.gz");

let loaded: Set<string> | undefined;

export function commonPasswords(): Set<string> {
  loaded ??= new Set(
    zlib
      .gunzipSync(fs.readFileSync(LIST_FILE))
      .toString("utf8")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
  );
  return loaded;
}
