// Compiles a minimal ERC-20 with solc-js (the compiler ships inside the npm package: nothing is
// downloaded) and deploys two instances to the local chain node at RPC_URL from its first
// unlocked account. Prints {ok, tokens: [{address, symbol, decimals}]}.
import solc from "solc";
import { ethers } from "ethers";

const SOURCE = `
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// A test token: anyone may mint. Only for local chains.
contract TestToken {
    string public name;
    string public symbol;
    uint8 public immutable decimals;
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    constructor(string memory name_, string memory symbol_, uint8 decimals_) {
        name = name_;
        symbol = symbol_;
        decimals = decimals_;
    }

    function mint(address to, uint256 value) external {
        totalSupply += value;
        balanceOf[to] += value;
        emit Transfer(address(0), to, value);
    }

    function transfer(address to, uint256 value) external returns (bool) {
        _move(msg.sender, to, value);
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        require(allowance[from][msg.sender] >= value, "allowance");
        allowance[from][msg.sender] -= value;
        _move(from, to, value);
        return true;
    }

    function _move(address from, address to, uint256 value) private {
        require(balanceOf[from] >= value, "balance");
        balanceOf[from] -= value;
        balanceOf[to] += value;
        emit Transfer(from, to, value);
    }
}
`;

const input = {
  language: "Solidity",
  sources: { "TestToken.sol": { content: SOURCE } },
  settings: { evmVersion: "paris", outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } } },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter((e) => e.severity === "error");
if (errors.length) {
  console.log(JSON.stringify({ ok: false, errors: errors.map((e) => e.formattedMessage) }));
  process.exit(1);
}
const contract = output.contracts["TestToken.sol"].TestToken;

const provider = new ethers.JsonRpcProvider(process.env.RPC_URL, undefined, { staticNetwork: true });
const deployer = await provider.getSigner(0);
const factory = new ethers.ContractFactory(contract.abi, contract.evm.bytecode.object, deployer);
const tokens = [];
for (const [name, symbol, decimals] of [
  ["Cove Test Token", "CTT", 6],
  ["Other Test Token", "OTT", 6],
]) {
  const token = await factory.deploy(name, symbol, decimals);
  await token.waitForDeployment();
  tokens.push({ address: (await token.getAddress()).toLowerCase(), symbol, decimals });
}
console.log(JSON.stringify({ ok: true, tokens }));
