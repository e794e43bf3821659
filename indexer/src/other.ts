// Fund events without a table of their own: recorded in fund_event only.
import { onEvent } from "./events";

const rest = [
  "FundShares:HeldReturnsMovedToCapital",
  "FundShares:ReturnsAssetAdded",
  "FundShares:TransfersEnabledSet",
  "FundShares:RoleAdminChanged",
  "FundShares:RoleGranted",
  "FundShares:RoleRevoked",
  "FundShares:Approval",
  "CapitalPool:CapitalDeposited",
  "CapitalPool:RoleAdminChanged",
  "CapitalPool:RoleGranted",
  "CapitalPool:RoleRevoked",
  "CapitalPool:StipendPaid",
  "CapitalPool:StipendsReleased",
  "CapitalPool:StipendsReserved",
  "CapitalPool:StraysRecovered",
  "Offerings:StraysRecovered",
  "ReturnsRegistry:CompanySignerSet",
  "ReturnsRegistry:EIP712DomainChanged",
  "ReturnsRegistry:NonceInvalidated",
  "ReturnsRegistry:NoncesInvalidatedBelow",
  "ReturnsRegistry:TechniqueRetired",
  "TrusteeCouncil:MigrationAnnounced",
  "TrusteeCouncil:MigrationCancelled",
  "TrusteeCouncil:MigrationExecuted",
  "TrusteeCouncil:OutcomeHorizonSet",
  "TrusteeCouncil:SystemBound",
  "TrusteeCouncil:ThresholdChanged",
  "TrusteeCouncil:TrusteeAdded",
  "TrusteeCouncil:TrusteeRemoved",
] as const;

for (const name of rest) onEvent(name);
