// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";

import {IOfferings} from "../interfaces/IOfferings.sol";
import {BenchSubscriberMock} from "./BenchSubscriberMock.sol";

/// @title BenchPopulationMock
/// @notice Gas-benchmark double: creates investors (minimal clones of one BenchSubscriberMock, CREATE2
/// with the index as salt, so no list is stored) and has ranges of them subscribe or claim, many per
/// transaction. Each clone is a distinct address, so Offerings sees distinct investors.
/// Its loops grow with the population on purpose; it is never part of the Fund. Benchmarks only.
contract BenchPopulationMock {
    error BenchPopulationWrongValue(uint256 expected, uint256 sent);

    address private immutable _implementation = address(new BenchSubscriberMock());

    /// @notice Creates investors `from .. to-1`.
    function create(uint256 from, uint256 to) external {
        for (uint256 i = from; i < to; ++i) {
            Clones.cloneDeterministic(_implementation, bytes32(i));
        }
    }

    /// @notice Investors `from .. to-1` each subscribe `shareAmount`: even indices in the ETH offering
    /// (this call's value pays them), odd ones in the `token` offering.
    function subscribe(
        IOfferings offerings,
        uint256 ethOffering,
        uint256 tokenOffering,
        address token,
        uint256 shareAmount,
        uint256 from,
        uint256 to
    ) external payable {
        uint256 ethCost = offerings.quote(ethOffering, shareAmount);
        uint256 spent;
        for (uint256 i = from; i < to; ++i) {
            BenchSubscriberMock investor = BenchSubscriberMock(investorAt(i));
            if (i % 2 == 0) {
                investor.subscribe{value: ethCost}(offerings, ethOffering, shareAmount, address(0));
                spent += ethCost;
            } else {
                investor.subscribe(offerings, tokenOffering, shareAmount, token);
            }
        }
        if (spent != msg.value) revert BenchPopulationWrongValue(spent, msg.value);
    }

    /// @notice Investors `from .. to-1` claim their shares (even: `ethOffering`, odd: `tokenOffering`).
    function claim(
        IOfferings offerings,
        uint256 ethOffering,
        uint256 tokenOffering,
        uint256 from,
        uint256 to
    ) external {
        for (uint256 i = from; i < to; ++i) {
            BenchSubscriberMock(investorAt(i)).claim(offerings, i % 2 == 0 ? ethOffering : tokenOffering);
        }
    }

    /// @notice Address of investor `index`.
    function investorAt(uint256 index) public view returns (address) {
        return Clones.predictDeterministicAddress(_implementation, bytes32(index));
    }
}
