// The Fund's command-line tasks, grouped by role. Each action lives in tasks/<group>.ts and is
// loaded only when its task runs. Every task takes --from (acting account), --deployment
// (addresses file) and --json (print only JSON); see docs/cli.md.
import { task } from "hardhat/config";
import { ArgumentType } from "hardhat/types/arguments";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type {
  LazyActionObject,
  NewTaskActionFunction,
  NewTaskDefinitionBuilder,
  TaskArguments,
  TaskDefinition,
} from "hardhat/types/tasks";

const text = (name: string, description: string) => ({
  name,
  description,
  type: ArgumentType.STRING_WITHOUT_DEFAULT,
  defaultValue: undefined,
});

function common<ArgumentsT extends TaskArguments>(
  builder: NewTaskDefinitionBuilder<ArgumentsT>,
  from: string,
) {
  return builder
    .addOption(
      text("from", `Acting account: an index into the network's accounts or an address (default: ${from})`),
    )
    .addOption(
      text(
        "deployment",
        "deployed_addresses.json to read the Fund's addresses from (default: ignition/deployments/chain-<id>/)",
      ),
    )
    .addFlag({ name: "json", description: "Print only JSON" });
}

/** A task action with typed arguments (each tasks/<group>.ts exports several). */
type Action = (args: never, hre: HardhatRuntimeEnvironment) => Promise<unknown>;

/** Loads the action `name` from a task group's module when the task runs. */
function action<NameT extends string>(
  load: () => Promise<Record<NameT, Action>>,
  name: NameT,
): LazyActionObject<NewTaskActionFunction> {
  return async () => {
    const run = (await load())[name];
    // Hardhat has validated the options against the definition; the action parses their values.
    return { default: (args: TaskArguments, hre: HardhatRuntimeEnvironment) => run(args as never, hre) };
  };
}

const status = () => import("./status.js");
const council = () => import("./council.js");
const rounds = () => import("./rounds.js");
const researcher = () => import("./researcher.js");
const investor = () => import("./investor.js");
const company = () => import("./company.js");
const salts = () => import("./salts.js");
const history = () => import("./history.js");
const modules = () => import("./modules.js");
const held = () => import("./held.js");
const trustees = () => import("./trustees.js");

const FIRST = "the network's first account";
const TRUSTEE = "the first account that is a trustee";

export const fundTasks: TaskDefinition[] = [
  // ---------------------------------------------------------------- everyone
  common(
    task(
      "fund:status",
      "Shows the whole Fund: shares, returns, capital, council, rounds, offerings, compliance",
    ),
    FIRST,
  )
    .addOption(text("top", "How many of the largest holders to list (default 10)"))
    .addOption(
      text(
        "limit",
        "How many of the newest proposals, rounds, offerings, companies and commitments to read (default 20)",
      ),
    )
    .setAction(action(status, "fundStatus"))
    .build(),

  task(
    "fund:history",
    "The Fund's history from the history indexer: returns ledger, holders, a company's payments, an investor's statement, trustees' records",
  )
    .addOption(text("report", "ledger (default), holders, payments, statement or trustees"))
    .addOption(
      text("indexer", "The history indexer's URL (default: FEF_INDEXER_URL, else http://127.0.0.1:42069)"),
    )
    .addOption(text("company", "payments: the company id"))
    .addOption(text("investor", "statement: the investor's address"))
    .addOption(text("csv", "Also write the rows to this CSV file"))
    .addFlag({ name: "json", description: "Print only JSON" })
    .setAction(action(history, "fundHistory"))
    .build(),

  common(
    task(
      "trustee:record",
      "A trustee's track record (Brier score, calibration, estimates next to outcomes) and the council's, recomputed from the chain's event logs without the indexer",
    ),
    FIRST,
  )
    .addOption(text("trustee", "The trustee's address"))
    .addOption(text("fromBlock", "First block to read events from (default: the deployment's first block)"))
    .addOption(text("at", "Judge outcomes at this time, in Unix seconds (default: the latest block's time)"))
    .setAction(action(trustees, "trusteeRecord"))
    .build(),

  common(
    task("fund:move-held", "Moves returns held while no share existed into the capital pool (anyone)"),
    FIRST,
  )
    .addOption(text("asset", "ETH (default) or an ERC-20 returns asset address"))
    .setAction(action(held, "moveHeld"))
    .build(),

  // ---------------------------------------------------------------- trustees
  common(task("council:propose", "Trustee: proposes a privileged action to the council"), TRUSTEE)
    .addOption(
      text("kind", "Action kind, e.g. OpenRound, AddReturnsAsset, SetTransfersEnabled (see docs/cli.md)"),
    )
    .addOption(
      text("params", "JSON array of the routed function's arguments; tuples as objects by field name"),
    )
    .setAction(action(council, "propose"))
    .build(),
  common(task("council:approve", "Trustee: approves a proposal"), "the first trustee who has not approved it")
    .addOption(text("id", "Proposal id"))
    .setAction(action(council, "approve"))
    .build(),
  common(task("council:execute", "Executes a proposal that has enough approvals (anyone)"), FIRST)
    .addOption(text("id", "Proposal id"))
    .setAction(action(council, "execute"))
    .build(),
  common(
    task("module:deploy", "Deploys a successor GrantRounds, Offerings or ReturnsRegistry wired to this Fund"),
    FIRST,
  )
    .addOption(text("module", "GrantRounds, Offerings or ReturnsRegistry"))
    .setAction(action(modules, "deployModule"))
    .build(),
  common(
    task("council:migrate", "Carries out an announced module migration once its delay has passed (anyone)"),
    FIRST,
  )
    .addOption(text("module", "GrantRounds, Offerings or ReturnsRegistry"))
    .addFlag({
      name: "advance",
      description: "Local chain only: move the clock to the migration's effective time first",
    })
    .setAction(action(modules, "migrate"))
    .build(),
  common(task("council:proposals", "Lists the council's open proposals with their approvals"), FIRST)
    .addFlag({ name: "all", description: "Include executed and expired proposals" })
    .addOption(text("limit", "How many of the newest proposals to look at (default 50)"))
    .setAction(action(council, "proposals"))
    .build(),
  common(
    task(
      "estimate:commit",
      "Trustee: commits hidden estimates (probability, effort, stipend) for one or more applications of a round in one transaction",
    ),
    TRUSTEE + " and has not committed",
  )
    .addOption(text("application", "Application id, or a comma-separated list of one round's applications"))
    .addOption(
      text("probability", "Probability of success in basis points, 0 to 10000 (one, or one per application)"),
    )
    .addOption(
      text("effort", "Research-months the work needs (default: as declared; one, or one per application)"),
    )
    .addOption(
      text(
        "stipend",
        "Stipend the work needs, in the round's asset (default: as requested; one, or one per application)",
      ),
    )
    .addOption(
      text("salt", "32-byte hex salt for a single application (default: a random one, stored locally)"),
    )
    .addFlag({
      name: "deriveSalt",
      description: "Derive each salt from a signature of this wallet (recomputable on any device)",
    })
    .addOption(text("saltFile", "Where salts are kept (default: .fef/estimate-salts.json)"))
    .setAction(action(rounds, "commitEstimate"))
    .build(),
  common(
    task(
      "estimate:reveal",
      "Trustee: reveals committed estimates with their stored salts, in one transaction",
    ),
    TRUSTEE + " with an unrevealed commitment",
  )
    .addOption(text("application", "Application id, or a comma-separated list of one round's applications"))
    .addOption(text("saltFile", "Where salts are kept (default: .fef/estimate-salts.json)"))
    .setAction(action(rounds, "revealEstimate"))
    .build(),
  task("salts:export", "Trustee: writes the locally kept estimate salts to a file the dashboard can import")
    .addOption(text("out", "The new file to write (never overwritten)"))
    .addOption(text("saltFile", "Where salts are kept (default: .fef/estimate-salts.json)"))
    .addFlag({ name: "json", description: "Print only JSON" })
    .setAction(action(salts, "exportSalts"))
    .build(),
  task(
    "salts:import",
    "Trustee: adds the estimate salts of an export (e.g. the dashboard's) to the local ones",
  )
    .addOption(text("file", "The export to read"))
    .addOption(text("saltFile", "Where salts are kept (default: .fef/estimate-salts.json)"))
    .addFlag({ name: "json", description: "Print only JSON" })
    .setAction(action(salts, "importSalts"))
    .build(),
  common(
    task(
      "round:finalize",
      "Finalizes estimated applications in batches, or every pending one of a round (anyone)",
    ),
    FIRST,
  )
    .addOption(text("application", "Application id, or a comma-separated list of one round's applications"))
    .addOption(text("round", "Round id: finalize all its estimated, pending applications"))
    .addOption(text("pageSize", "Applications read per page with --round (default 100)"))
    .setAction(action(rounds, "finalize"))
    .build(),
  common(
    task("round:record", "Each trustee's record in a round: committed, revealed, missed, recused"),
    FIRST,
  )
    .addOption(text("round", "Round id"))
    .setAction(action(rounds, "record"))
    .build(),
  common(
    task("round:settle", "Settles a round whose estimated applications are all finalized (anyone)"),
    FIRST,
  )
    .addOption(text("round", "Round id"))
    .setAction(action(rounds, "settle"))
    .build(),
  common(
    task(
      "round:top-up",
      "Tops up a settled round's stipends from capital that arrived later, before its cliff (anyone)",
    ),
    FIRST,
  )
    .addOption(text("round", "Round id"))
    .setAction(action(rounds, "topUp"))
    .build(),

  // ---------------------------------------------------------------- researchers
  common(task("grant:apply", "Researcher: applies to an open grant round"), FIRST)
    .addOption(text("round", "Round id"))
    .addOption(text("title", "Short title of the application, 1 to 31 bytes"))
    .addOption(text("uri", "Where the proposal can be read (https://… or ipfs://…)"))
    .addOption(text("contentHash", "32-byte hash of the proposal"))
    .addOption(text("contentText", "Proposal text to hash instead of --content-hash"))
    .addOption(text("effort", "Effort in research-months, 1 to 1200"))
    .addOption(text("stipend", "Stipend requested, in the round's stipend asset (default 0)"))
    .setAction(action(researcher, "apply"))
    .build(),
  common(
    task("grant:claim-shares", "Researcher: claims the vested shares of a funded application"),
    "the application's researcher",
  )
    .addOption(text("application", "Application id"))
    .addOption(
      text("module", "A grant-rounds module the council migrated away from (default: the current one)"),
    )
    .setAction(action(researcher, "claimShares"))
    .build(),
  common(
    task("grant:claim-stipend", "Researcher: claims the vested stipend of a funded application"),
    "the application's researcher",
  )
    .addOption(text("application", "Application id"))
    .addOption(
      text("module", "A grant-rounds module the council migrated away from (default: the current one)"),
    )
    .setAction(action(researcher, "claimStipend"))
    .build(),
  common(
    task("returns:claim", "Shareholder: claims earned returns"),
    "the first account with returns to claim",
  )
    .addOption(text("asset", "ETH or an ERC-20 address (default: every asset)"))
    .setAction(action(researcher, "claimReturns"))
    .build(),

  // ---------------------------------------------------------------- investors
  common(
    task("offering:subscribe", "Investor: buys shares in an offering (approves the ERC-20 if needed)"),
    "the first allowed account",
  )
    .addOption(text("offering", "Offering id"))
    .addOption(text("shares", "Number of shares, decimals allowed"))
    .addOption(text("proof", "Merkle proof for an allowlisted offering: JSON array of 32-byte hex values"))
    .setAction(action(investor, "subscribe"))
    .build(),
  common(
    task("offering:claim", "Investor: claims subscribed shares after the offering's window"),
    "the first account with subscribed shares",
  )
    .addOption(text("offering", "Offering id"))
    .setAction(action(investor, "claimOffering"))
    .build(),
  common(
    task(
      "offering:settle",
      "Moves an offering's raise from escrow into the capital pool once its window has ended (anyone)",
    ),
    FIRST,
  )
    .addOption(text("offering", "Offering id"))
    .setAction(action(investor, "settleOffering"))
    .build(),

  // ---------------------------------------------------------------- companies
  common(task("company:register", "Company: registers a company"), FIRST)
    .addOption(text("name", "Company name"))
    .addOption(text("uri", "Company URI"))
    .addOption(text("admin", "Admin address (default: the acting account)"))
    .setAction(action(company, "register"))
    .build(),
  common(
    task("pfr:submit", "Company: signs (EIP-712) and submits a Promise of Future Returns"),
    "the first signer of the company",
  )
    .addOption(text("company", "Company id"))
    .addOption(text("techniques", "Technique ids, comma-separated, e.g. 1,2"))
    .addOption(text("model", "Model name"))
    .addOption(text("modelHash", "32-byte model hash (default: keccak256 of the model name)"))
    .addOption(text("bps", "Returns share in basis points, 1 to 10000"))
    .addOption(text("start", "Start: ISO date or unix seconds"))
    .addOption(text("end", "End: ISO date or unix seconds"))
    .addOption(text("periodDays", "Period length in days"))
    .addOption(text("graceDays", "Grace period in days (default 0)"))
    .addOption(text("nonce", "Nonce (default: the lowest unused one)"))
    .addOption(
      text("deadline", "Last moment to submit the signature: ISO date or unix seconds (default: in one day)"),
    )
    .setAction(action(company, "submitPromise"))
    .build(),
  common(
    task("pfr:report", "Company: reports a period's gross returns and pays the Fund's share"),
    "the first signer of the company",
  )
    .addOption(text("commitment", "Commitment id"))
    .addOption(text("period", "Period index (default: the next unreported one)"))
    .addOption(text("asset", "ETH or an ERC-20 returns asset address"))
    .addOption(text("gross", "Gross returns of the period, decimals allowed"))
    .addOption(text("evidence", "Evidence: a 32-byte hash, or text to hash"))
    .setAction(action(company, "reportReturns"))
    .build(),
  common(
    task("pfr:invalidate-nonce", "Company: revokes signed Promises before submission by invalidating nonces"),
    "the first signer of the company",
  )
    .addOption(text("company", "Company id"))
    .addOption(text("nonce", "Invalidate this one nonce"))
    .addOption(text("below", "Or invalidate every nonce below this value"))
    .setAction(action(company, "invalidateNonce"))
    .build(),
  common(task("company:status", "Shows a company and the compliance of its commitments"), FIRST)
    .addOption(text("company", "Company id"))
    .setAction(action(company, "companyStatus"))
    .build(),
];
