import { useState } from "react";
import type { Hex } from "viem";

import { hashAlgorithms, hashBytes, hashText, type HashAlgorithm } from "@fef/sdk/documentHash";

import { Field } from "./Field";

/**
 * A document kept off-chain (a model card, a report's evidence) given as a text or a file: its
 * keccak256 or sha256 (computed by the SDK, in this browser) fills the form's bytes32 field.
 */
export function DocumentHash(props: {
  readonly label: string;
  readonly onHash: (hash: Hex, from: string) => void;
  readonly testId: string;
}) {
  const [text, setText] = useState("");
  const [algorithm, setAlgorithm] = useState<HashAlgorithm>("keccak256");
  const [from, setFrom] = useState<string | null>(null);
  const use = (hash: Hex, source: string) => {
    setFrom(`${algorithm} of ${source}: ${hash}`);
    props.onHash(hash, source);
  };
  return (
    <fieldset className="document-hash" data-testid={props.testId}>
      <legend>{props.label}</legend>
      <Field
        label="Text"
        multiline
        value={text}
        onChange={setText}
        testId={`${props.testId}-text`}
        hint="Paste the document, or choose a file below; only its digest is stored."
      />
      <div className="row">
        <label>
          File{" "}
          <input
            type="file"
            data-testid={`${props.testId}-file`}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file)
                void file
                  .arrayBuffer()
                  .then((buffer) => use(hashBytes(new Uint8Array(buffer), algorithm), file.name));
            }}
          />
        </label>
        <label>
          Digest{" "}
          <select value={algorithm} onChange={(e) => setAlgorithm(e.target.value as HashAlgorithm)}>
            {hashAlgorithms.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="secondary"
          disabled={!text}
          data-testid={`${props.testId}-use-text`}
          onClick={() => use(hashText(text, algorithm), "the text")}
        >
          Use the text&apos;s digest
        </button>
      </div>
      {from ? (
        <p className="hint break" role="status">
          {from}
        </p>
      ) : null}
    </fieldset>
  );
}
