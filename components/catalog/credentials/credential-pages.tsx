"use client";

import { useRouter } from "next/navigation";
import { ENCRYPTED, type CredentialRecord } from "@/lib/catalog/catalog-records";
import { LocalTime } from "../../ui/local-time";
import { PageHeader } from "../form/page-header";
import { DeleteButton } from "../list/delete-button";
import { ResourceList } from "../list/resource-list";
import { useCatalogItem } from "../use-catalog-queries";
import { useCatalogText } from "../use-catalog-text";
import { CredentialForm } from "./credential-form";
import { ForRole } from "../../auth/for-role";
import { NoPermission } from "../../auth/no-permission";

export function CredentialList() {
  const { c } = useCatalogText();
  const secretNames = (r: CredentialRecord) =>
    [
      r.password === ENCRYPTED && c.credentials.password,
      r.ssh_key === ENCRYPTED && c.credentials.sshKey,
      r.become_password === ENCRYPTED && c.credentials.becomePassword,
    ].filter(Boolean) as string[];
  return (
    <ResourceList
      kind="credential"
      basePath="/credentials"
      title={c.credentials.title}
      newLabel={c.credentials.new}
      tableLabel={c.credentials.table}
      columns={[
        { key: "username", header: c.credentials.username, cell: (r) => r.username || <span className="text-slate-500">—</span> },
        {
          key: "become",
          header: c.credentials.becomeMethod,
          className: "hidden md:table-cell",
          cell: (r) => `${r.become_method}${r.become_user ? ` → ${r.become_user}` : ""}`,
        },
        {
          key: "secrets",
          header: c.credentials.secrets,
          className: "hidden sm:table-cell",
          cell: (r) => {
            const names = secretNames(r);
            return names.length === 0 ? (
              <span className="text-slate-500">{c.credentials.notSet}</span>
            ) : (
              <ul className="flex flex-wrap gap-1">
                {names.map((n) => (
                  <li key={n} className="rounded bg-green-50 px-1.5 py-0.5 text-xs text-green-800 ring-1 ring-green-300 ring-inset">
                    {n}
                  </li>
                ))}
              </ul>
            );
          },
        },
        { key: "ctime", header: c.common.ctime, className: "hidden lg:table-cell whitespace-nowrap", cell: (r) => <LocalTime value={r.ctime} /> },
      ]}
    />
  );
}

export function NewCredential() {
  const { c } = useCatalogText();
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <PageHeader title={c.credentials.new} backHref="/credentials" />
      <ForRole role="operator" fallback={<NoPermission />}>
        <CredentialForm />
      </ForRole>
    </div>
  );
}

export function CredentialEdit({ initial }: { initial: CredentialRecord }) {
  const { c } = useCatalogText();
  const router = useRouter();
  const credential = useCatalogItem("credential", initial.id, initial).data ?? initial;
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <PageHeader
        title={c.credentials.editTitle(credential.name)}
        backHref="/credentials"
        actions={<DeleteButton kind="credential" id={credential.id} name={credential.name} onDeleted={() => router.push("/credentials")} />}
      />
      <CredentialForm credential={credential} />
    </div>
  );
}
