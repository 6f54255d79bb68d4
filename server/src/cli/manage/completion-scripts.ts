/**
 * Shell completion scripts for bash, zsh and fish, generated from the commander tree itself, so
 * they name every command and option the program has today. Each script finds the command path
 * typed so far (the words that are subcommands) and offers that command's subcommands and options.
 */
import type { Command } from "commander";

interface CommandNode {
  /** The path after `keygate`, such as "keys list"; "" for the program. */
  path: string;
  description: string;
  subcommands: string[];
  options: string[];
}

/** Every command of the tree, the program first. */
export function commandNodes(program: Command): CommandNode[] {
  const nodes: CommandNode[] = [];
  const walk = (command: Command, path: string) => {
    const visible = command.commands.filter((sub) => !(sub as Command & { _hidden?: boolean })._hidden);
    nodes.push({
      path,
      description: command.description(),
      subcommands: visible.map((sub) => sub.name()),
      options: [
        ...command.options.flatMap((option) =>
          [option.short, option.long].filter((flag) => flag !== undefined),
        ),
        "--help",
      ],
    });
    for (const sub of visible) walk(sub, path === "" ? sub.name() : `${path} ${sub.name()}`);
  };
  walk(program, "");
  return nodes;
}

const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

function caseArms(nodes: CommandNode[], words: (node: CommandNode) => string[], indent: string): string {
  return nodes
    .map((node) => `${indent}${quote(node.path)}) echo ${quote(words(node).join(" "))} ;;`)
    .join("\n");
}

function sharedFunctions(nodes: CommandNode[], indent = "  "): string {
  return `_keygate_subcommands() {
${indent}case "$1" in
${caseArms(nodes, (node) => node.subcommands, `${indent}${indent}`)}
${indent}esac
}

_keygate_words() {
${indent}case "$1" in
${caseArms(nodes, (node) => [...node.subcommands, ...node.options], `${indent}${indent}`)}
${indent}esac
}`;
}

export function bashCompletion(program: Command): string {
  return `# keygate completion for bash: source <(keygate completion bash)
${sharedFunctions(commandNodes(program))}

_keygate() {
  local cur cmdpath word i
  cur="\${COMP_WORDS[COMP_CWORD]}"
  cmdpath=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    [[ "$word" == -* ]] && continue
    if [[ " $(_keygate_subcommands "$cmdpath") " == *" $word "* ]]; then
      cmdpath="\${cmdpath:+$cmdpath }$word"
    fi
  done
  COMPREPLY=($(compgen -W "$(_keygate_words "$cmdpath")" -- "$cur"))
}
complete -o default -F _keygate keygate
`;
}

export function zshCompletion(program: Command): string {
  return `#compdef keygate
# keygate completion for zsh: source <(keygate completion zsh), or save it as _keygate in your $fpath
${sharedFunctions(commandNodes(program))}

_keygate() {
  local cmdpath="" word i
  for ((i = 2; i < CURRENT; i++)); do
    word="\${words[i]}"
    [[ "$word" == -* ]] && continue
    if [[ " $(_keygate_subcommands "$cmdpath") " == *" $word "* ]]; then
      cmdpath="\${cmdpath:+$cmdpath }$word"
    fi
  done
  local -a candidates
  candidates=(\${=$(_keygate_words "$cmdpath")})
  compadd -- $candidates
}

if [[ "\${funcstack[1]}" == "_keygate" ]]; then
  _keygate "$@"
else
  compdef _keygate keygate
fi
`;
}

export function fishCompletion(program: Command): string {
  const nodes = commandNodes(program);
  const lines = [
    "# keygate completion for fish: keygate completion fish | source",
    "function __keygate_path",
    "    set -l tokens (commandline -opc)",
    '    set -l cmdpath ""',
    "    for word in $tokens[2..-1]",
    "        string match -q -- '-*' $word; and continue",
    '        if contains -- $word (__keygate_subcommands "$cmdpath")',
    '            if test -z "$cmdpath"',
    "                set cmdpath $word",
    "            else",
    '                set cmdpath "$cmdpath $word"',
    "            end",
    "        end",
    "    end",
    '    echo "$cmdpath"',
    "end",
    "function __keygate_subcommands",
    "    switch $argv[1]",
    ...nodes.flatMap((node) => [
      `        case ${quote(node.path)}`,
      `            printf '%s\\n' ${node.subcommands.map(quote).join(" ")}`,
    ]),
    "    end",
    "end",
    "complete -c keygate -f",
  ];
  for (const node of nodes) {
    const when = `-n ${quote(`test (__keygate_path) = ${quote(node.path)}`)}`;
    for (const sub of node.subcommands) {
      const description =
        nodes.find((other) => other.path === (node.path ? `${node.path} ${sub}` : sub))?.description ?? "";
      lines.push(`complete -c keygate ${when} -a ${quote(sub)} -d ${quote(description)}`);
    }
    for (const option of node.options) {
      const flag = option.startsWith("--") ? `-l ${option.slice(2)}` : `-s ${option.slice(1)}`;
      lines.push(`complete -c keygate ${when} ${flag}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
