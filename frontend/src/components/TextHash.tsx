import { useState } from "react";
import { keccak256, toHex, type Hex } from "viem";

import { Field } from "./Field";

/**
 * A text kept off-chain (a model card, a proposal) and a button that hands its keccak256 to the form's
 * bytes32 field, so the user need not hash it elsewhere.
 */
export function TextHash(props: {
  readonly label: string;
  readonly button: string;
  readonly onHash: (hash: Hex) => void;
  readonly testId?: string;
  readonly buttonTestId?: string;
}) {
  const [text, setText] = useState("");
  return (
    <>
      <Field label={props.label} multiline value={text} onChange={setText} testId={props.testId} />
      <div className="field">
        <button
          type="button"
          className="secondary"
          disabled={!text}
          onClick={() => props.onHash(keccak256(toHex(text)))}
          data-testid={props.buttonTestId}
        >
          {props.button}
        </button>
      </div>
    </>
  );
}
