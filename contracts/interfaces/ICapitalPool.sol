// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title Capital pool: investor capital, kept apart from returns, that pays researcher stipends
/// @notice Offerings deposit each settled raise; grant rounds reserve stipends at settlement, pay them as they
/// vest and release what a cancellation frees. Returns never pay stipends and capital never leaks
/// into returns. Invariant per asset: balance = capital in − stipends paid.
interface ICapitalPool {
    /// @notice Books of one asset.
    struct CapitalBooks {
        uint256 capitalIn; // all capital ever deposited
        uint256 stipendsPaid; // all stipends ever paid out
        uint256 reserved; // promised to settled rounds, not yet paid
    }

    event CapitalDeposited(
        address indexed asset,
        address indexed depositor,
        uint256 indexed offeringId,
        uint256 amount
    );
    event StipendsReserved(address indexed asset, address indexed reserver, uint256 amount);
    event StipendsReleased(address indexed asset, address indexed reserver, uint256 amount);
    event StipendPaid(address indexed asset, address indexed researcher, uint256 amount);
    /// @notice Tokens that reached the pool outside a deposit went back to `to`.
    event StraysRecovered(address indexed asset, address indexed to, uint256 amount);

    error CapitalPoolWrongValue(uint256 expected, uint256 sent);
    error CapitalPoolUnbackedDeposit(address asset, uint256 balance, uint256 needed);
    error CapitalPoolInsufficientCapital(address asset, uint256 available, uint256 needed);
    error CapitalPoolInsufficientReserve(address asset, uint256 reserved, uint256 needed);
    error CapitalPoolZeroAmount();
    /// @notice Only `excess` of `asset` lies above the capital the pool holds (and the recipient must
    /// be non-zero, the amount positive).
    error CapitalPoolNotStray(address asset, uint256 amount, uint256 excess);

    /// @notice Records the raise of a settled offering. ETH comes as `msg.value == amount`; an ERC-20
    /// must already have been transferred here (the call checks the balance backs it). Depositor role
    /// only. Each investor's payment is in the depositor's `Subscribed` events.
    function depositCapital(address asset, uint256 amount, uint256 offeringId) external payable;

    /// @notice Moves `amount` of available capital into the stipend reserve. Stipend role (grant rounds) only.
    function reserveStipends(address asset, uint256 amount) external;

    /// @notice Returns `amount` of the reserve to available capital. Stipend role only.
    function releaseStipends(address asset, uint256 amount) external;

    /// @notice Pays `amount` of the reserve to `researcher`. Stipend role only.
    function payStipend(address asset, address researcher, uint256 amount) external;

    /// @notice Returns `amount` of `asset` that reached the pool outside a deposit to `to`. Admin (the
    /// council) only; never more than `strays(asset)`, so no capital or reserved stipend can leave.
    function recoverStrays(address asset, address to, uint256 amount) external;

    /// @notice What the pool holds of `asset` above its capital (capital in − stipends paid).
    function strays(address asset) external view returns (uint256);

    /// @notice Capital not reserved: what new stipends may still be promised from.
    function availableCapital(address asset) external view returns (uint256);

    /// @notice The books of `asset`.
    function books(address asset) external view returns (CapitalBooks memory);
}
