/**
 * `--help` in Chinese: commander's headings (Usage, Arguments, Options, Commands), its
 * `(default: …)` and `[options]`, in the words a county statistician reads; terms aligned by the
 * columns they take on a terminal (a Chinese character takes two), and long Chinese descriptions
 * wrapped between characters (they have no spaces to wrap at).
 */
import { Help, type Argument, type Command, type Option } from 'commander';

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Global Options:': '全局选项：',
  'Commands:': '命令：',
};

/** commander's own words inside a usage line or a command's term. */
const usageWords = (s: string) => s.replace(/\[options\]/g, '[选项]').replace(/\[command\]/g, '[命令]');

/** East Asian wide and full-width characters take two columns on a terminal. */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

/** A line may not start with these (closing punctuation): they stay with the character before. */
const NO_LINE_START = /^[，。、；：？！）》」』】”’%]/u;

export class ChineseHelp extends Help {
  /** `用法：balance-check …`: commander puts a space after its title, which a full-width colon does not want. */
  override formatHelp(cmd: Command, helper: Help): string {
    return super.formatHelp(cmd, helper).replace(/^用法： /, '用法：');
  }

  override styleTitle(str: string): string {
    return TITLES[str] ?? str;
  }

  override commandUsage(cmd: Command): string {
    return usageWords(super.commandUsage(cmd));
  }

  override subcommandTerm(cmd: Command): string {
    return usageWords(super.subcommandTerm(cmd));
  }

  override optionDescription(option: Option): string {
    return withExtras(option.description, option.defaultValue, option.defaultValueDescription, option.argChoices, {
      shown: option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean'),
    });
  }

  override argumentDescription(argument: Argument): string {
    return withExtras(
      argument.description,
      argument.defaultValue,
      argument.defaultValueDescription,
      argument.argChoices,
      { shown: true },
    );
  }

  override displayWidth(str: string): number {
    let width = 0;
    for (const ch of str.replace(/\x1b\[\d*(;\d+)*m/g, '')) width += WIDE.test(ch) ? 2 : 1;
    return width;
  }

  /** Wraps at spaces and between Chinese characters, never before closing punctuation. */
  override boxWrap(str: string, width: number): string {
    if (width < this.minWidthToWrap) return str;
    return str
      .split(/\r\n|\n/)
      .map((line) => wrapLine(line, width, (s) => this.displayWidth(s)))
      .join('\n');
  }
}

function withExtras(
  description: string,
  defaultValue: unknown,
  defaultDescription: string | undefined,
  choices: readonly string[] | undefined,
  { shown }: { shown: boolean },
): string {
  const extras: string[] = [];
  if (choices) extras.push(`可选：${choices.join('、')}`);
  // A description that already says its default (（默认：…）) is not told it twice.
  if (defaultValue !== undefined && shown && !/默认/.test(description))
    extras.push(
      `默认：${defaultDescription ?? (typeof defaultValue === 'string' ? defaultValue : JSON.stringify(defaultValue))}`,
    );
  return extras.length ? `${description}（${extras.join('；')}）` : description;
}

/** The pieces a line may break between: a run of non-wide text (with its leading spaces), or one wide character. */
function wrapLine(line: string, width: number, displayWidth: (s: string) => number): string {
  const pieces = line.match(new RegExp(`\\s*(?:${WIDE.source}|[^\\s${WIDE.source.slice(1, -1)}]+)`, 'gu'));
  if (!pieces) return '';
  const lines: string[] = [];
  let current = '';
  for (const piece of pieces) {
    const next = current + piece;
    if (current === '' || displayWidth(next) <= width || NO_LINE_START.test(piece)) current = next;
    else {
      lines.push(current);
      current = piece.trimStart();
    }
  }
  lines.push(current);
  return lines.join('\n');
}

/** `balance-check help nope`: commander prints the help as an error; this says why. */
export function unknownHelpTopic(argv: readonly string[], program: Command): string {
  const topic = argv[argv.indexOf('help') + 1] ?? '';
  return `help：没有命令“${topic}”（命令：${program.commands.map((c) => c.name()).join('、')}）`;
}
