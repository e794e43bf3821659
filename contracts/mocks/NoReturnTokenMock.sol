// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title NoReturnTokenMock
/// @notice Test double: a USDT-style token whose `transfer`, `transferFrom` and `approve` return
/// nothing instead of a bool (so it does not implement IERC20 to the letter). Tests only.
contract NoReturnTokenMock {
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    error NoReturnTokenMockInsufficientBalance(address account, uint256 balance, uint256 needed);
    error NoReturnTokenMockInsufficientAllowance(
        address owner,
        address spender,
        uint256 allowance,
        uint256 needed
    );

    uint256 private _totalSupply;
    mapping(address account => uint256) private _balances;
    mapping(address owner => mapping(address spender => uint256)) private _allowances;

    /// @notice Mints `amount` to `to`. Anyone may call: this token has no value.
    function mint(address to, uint256 amount) external {
        _totalSupply += amount;
        _balances[to] += amount;
        emit Transfer(address(0), to, amount);
    }

    /// @notice Moves `amount` from the caller to `to`; returns nothing (USDT style).
    function transfer(address to, uint256 amount) external {
        _move(msg.sender, to, amount);
    }

    /// @notice Moves `amount` from `from` to `to` using the caller's allowance; returns nothing.
    function transferFrom(address from, address to, uint256 amount) external {
        uint256 allowed = _allowances[from][msg.sender];
        if (allowed < amount)
            revert NoReturnTokenMockInsufficientAllowance(from, msg.sender, allowed, amount);
        _allowances[from][msg.sender] = allowed - amount;
        _move(from, to, amount);
    }

    /// @notice Sets the caller's allowance for `spender`; returns nothing.
    function approve(address spender, uint256 amount) external {
        _allowances[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
    }

    /// @notice Balance of `account`.
    function balanceOf(address account) external view returns (uint256) {
        return _balances[account];
    }

    /// @notice Allowance `owner` gave `spender`.
    function allowance(address owner, address spender) external view returns (uint256) {
        return _allowances[owner][spender];
    }

    /// @notice Total minted.
    function totalSupply() external view returns (uint256) {
        return _totalSupply;
    }

    /// @notice Six decimals, like USDT.
    function decimals() external pure returns (uint8) {
        return 6;
    }

    function _move(address from, address to, uint256 amount) private {
        uint256 balance = _balances[from];
        if (balance < amount) revert NoReturnTokenMockInsufficientBalance(from, balance, amount);
        _balances[from] = balance - amount;
        _balances[to] += amount;
        emit Transfer(from, to, amount);
    }
}
