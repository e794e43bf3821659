import { useRef, useState, type ChangeEvent } from "react";

import { exportSaltDocument, importSaltDocument, useSaltCount } from "../../hooks/useSalts";
import { downloadFile } from "../../lib/download";

type Outcome = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly text: string };

const FILE_NAME = "estimate-salts.json";

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Export and import of the salt records kept in this browser, in the SDK's export document (the
 * command line's `.fef/estimate-salts.json` is one), so a trustee can commit in one tool and reveal
 * in the other.
 */
export function SaltBackup() {
  const picker = useRef<HTMLInputElement>(null);
  const count = useSaltCount();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  function download() {
    downloadFile(FILE_NAME, exportSaltDocument(), "application/json");
  }

  async function load(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    try {
      const { added, unchanged } = importSaltDocument(await file.text());
      setOutcome({
        ok: true,
        text: `${file.name}: ${plural(added, "salt", "salts")} added, ${unchanged} unchanged.`,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setOutcome({ ok: false, text: `${file.name} was not imported: ${reason}` });
    } finally {
      // The same file can be picked again (e.g. after fixing it).
      input.value = "";
    }
  }

  return (
    <section className="card" aria-labelledby="salts-title">
      <h2 id="salts-title">Estimate salts</h2>
      <p data-testid="salts-count">
        This browser keeps {plural(count, "salt record", "salt records")}. A sealed estimate can only be
        revealed with the salt it was committed with: export them to reveal from the command line or another
        browser, or import the file of the tool that committed (the command line keeps it in
        .fef/estimate-salts.json).
      </p>
      <div className="row">
        <button
          type="button"
          className="secondary"
          onClick={download}
          disabled={count === 0}
          data-testid="salts-export"
        >
          Export salts
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => picker.current?.click()}
          data-testid="salts-import-button"
        >
          Import salts…
        </button>
        <input
          ref={picker}
          hidden
          aria-label="Salt file to import"
          type="file"
          accept="application/json,.json"
          onChange={(e) => void load(e)}
          data-testid="salts-import"
        />
      </div>
      {outcome ? (
        <p
          className={outcome.ok ? "hint" : "field-error"}
          role={outcome.ok ? "status" : "alert"}
          data-testid={outcome.ok ? "salts-import-result" : "salts-import-error"}
        >
          {outcome.text}
        </p>
      ) : null}
    </section>
  );
}
