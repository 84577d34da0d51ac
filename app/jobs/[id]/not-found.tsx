import { cookies } from "next/headers";
import Link from "next/link";
import { dictionaries, LANG_COOKIE, resolveLang } from "@/lib/i18n";

export default async function JobNotFound() {
  const t = dictionaries[resolveLang((await cookies()).get(LANG_COOKIE)?.value)];
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-semibold">{t.detail.notFoundTitle}</h1>
      <p className="mt-2 text-slate-600">{t.detail.notFoundBody}</p>
      <Link href="/jobs" className="mt-6 inline-block text-blue-800 underline">
        {t.detail.back}
      </Link>
    </div>
  );
}
