/**
 * Command-line mistakes in Chinese. commander words its own errors in English (too many arguments …,
 * unknown option …); a Command whose error() rewords each by its code, from what the command knows
 * (its arguments, its options), keeps commander's parsing, its exit (EXIT.unusable) and its help.
 */
import { existsSync } from 'node:fs';
import { Command, type ErrorOptions, type Help } from 'commander';
import { ChineseHelp } from './help';

/** commander's suggestion line, "(Did you mean --out?)" or "(Did you mean one of a, b?)", in Chinese. */
function suggestion(message: string): string {
  const m = /\(Did you mean (one of )?(.+)\?\)/.exec(message);
  if (!m) return '';
  return m[1] ? `（是否要用 ${m[2]!.split(', ').join('、')} 之一？）` : `（是否要用 ${m[2]}？）`;
}

/** The quoted words of a commander message, in order: unknown option '--foo' → ['--foo']. */
const quoted = (message: string) => [...message.matchAll(/'([^']*)'/g)].map((m) => m[1]!);

export class ChineseCommand extends Command {
  override createCommand(name?: string): Command {
    return new ChineseCommand(name);
  }

  /** `--help` in Chinese too (help.ts). */
  override createHelp(): Help {
    return Object.assign(new ChineseHelp(), this.configureHelp());
  }

  override error(message: string, errorOptions?: ErrorOptions): never {
    return super.error(this.reworded(message, errorOptions?.code), errorOptions);
  }

  /** `validate `, or nothing for the main command (its name is the program's). */
  private get who(): string {
    return this.parent ? `${this.name()} ` : '';
  }

  private reworded(message: string, code: string | undefined): string {
    const words = quoted(message);
    switch (code) {
      case 'commander.excessArguments': {
        const expected = this.registeredArguments.length;
        const got = /but got (\d+)/.exec(message)?.[1] ?? '';
        const files = this.registeredArguments.every((a) => /^(files?|文件)$/.test(a.name()));
        const noun = files ? '文件' : '参数';
        const spaces = files ? '（文件名含空格时请用引号括起）' : '';
        // `balance-check check FILE`: a word that is no file and no command, where the main command takes the file.
        const first = this.args[0];
        if (!this.parent && first !== undefined && /^[a-z][a-z-]*$/i.test(first) && !existsSync(first))
          return `没有命令 ${first}（命令：${this.commands.map((c) => c.name()).join('、')}；检查一个文件不用命令：balance-check 文件）`;
        return expected === 0
          ? `参数过多：${this.who}不需要参数，收到 ${got} 个`
          : `参数过多：${this.who}只需要 ${expected} 个${noun}，收到 ${got} 个${spaces}`;
      }
      case 'commander.missingArgument': {
        const argument = this.registeredArguments.find((a) => a.name() === words[0]);
        return `缺少参数：${this.who}需要${argument?.description ?? `<${words[0] ?? ''}>`}`;
      }
      case 'commander.optionMissingArgument': {
        const option = this.options.find((o) => o.flags === words[0]);
        return `选项 ${words[0] ?? ''} 后缺少取值${option?.description ? `（${option.description}）` : ''}`;
      }
      case 'commander.missingMandatoryOptionValue':
        return `缺少必需的选项 ${words[0] ?? ''}`;
      case 'commander.unknownOption':
        return `${this.parent ? `${this.name()} 命令没有选项` : '未知选项'} ${words[0] ?? ''}${suggestion(message)}`;
      case 'commander.unknownCommand':
        return `没有命令 ${words[0] ?? ''}${suggestion(message)}`;
      case 'commander.conflictingOption':
        return `选项 ${words[0] ?? ''} 不能与 ${words[1] ?? ''} 同时使用`;
      case 'commander.invalidArgument':
        return `取值无效：${message.replace(/^error: /, '')}`;
      default:
        return message.replace(/^error: /, '');
    }
  }
}
