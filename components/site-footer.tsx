// Every page's footer: the accessibility statement and the RODO information clause.
export function SiteFooter({ label, accessibility, privacy }: { label: string; accessibility: string; privacy: string }) {
  return (
    <footer className="mt-8 border-t border-slate-200 bg-white">
      <nav aria-label={label} className="mx-auto flex max-w-5xl flex-wrap gap-x-6 gap-y-2 px-4 py-4 text-sm">
        <a href="/dostepnosc" className="text-brand underline underline-offset-2">
          {accessibility}
        </a>
        <a href="/prywatnosc" className="text-brand underline underline-offset-2">
          {privacy}
        </a>
      </nav>
    </footer>
  );
}
