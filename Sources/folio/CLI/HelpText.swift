/// The text `--help` prints: an overview, the usage line, then one row per
/// argument and option with its help wrapped beside it, in 79 columns.
enum HelpText {
    static let width = 79
    /// Where the help of a row starts.
    static let helpColumn = 26

    /// `folio COMMAND --help`.
    static func command(_ spec: CommandSpec) -> String {
        var out = header(spec.abstract, discussion: spec.discussion)
        out += "USAGE: folio \(spec.name)\(usage(spec))\n\n"
        if !spec.arguments.isEmpty {
            out += "ARGUMENTS:\n"
            for argument in spec.arguments {
                let values = argument.values.map { " (values: \($0.joined(separator: ", ")))" } ?? ""
                out += row("<\(argument.name)>", argument.help + values)
            }
            out += "\n"
        }
        out += "OPTIONS:\n"
        for option in spec.allOptions {
            let short = option.short.map { "-\($0), " } ?? ""
            let value = option.valueName.map { " <\($0)>" } ?? ""
            let fallback = option.defaultValue.map { " (default: \($0))" } ?? ""
            out += row(short + "--" + option.long + value, option.help + fallback)
        }
        return out + "\n"
    }

    /// `folio --help`: what folio is, and its commands.
    static func overview(abstract: String, discussion: String, commands: [CommandSpec], defaultCommand: String) -> String {
        var out = header(abstract, discussion: discussion)
        out += "USAGE: folio [browse] [<dir>] [<options>]\n"
        out += "       folio <subcommand> [<arguments>] [<options>]\n\n"
        out += "OPTIONS:\n"
        out += row("--version", CommandSpec.version.help)
        out += row("-h, --help", CommandSpec.help.help)
        out += "\nSUBCOMMANDS:\n"
        for command in commands {
            out += row(command.name + (command.name == defaultCommand ? " (default)" : ""), command.abstract)
        }
        return out + "\n  See 'folio help <subcommand>' for detailed help.\n"
    }

    /// " [<dir>] [--json] [--query <query>]": the arguments, then the options.
    static func usage(_ spec: CommandSpec) -> String {
        var out = ""
        for argument in spec.arguments {
            let shown = "<\(argument.name)>" + (argument.repeats ? " ..." : "")
            out += argument.isOptional ? " [\(shown)]" : " \(shown)"
        }
        for option in spec.options {
            out += " [--\(option.long)" + (option.valueName.map { " <\($0)>" } ?? "") + "]"
        }
        return out
    }

    private static func header(_ abstract: String, discussion: String?) -> String {
        var out = wrap("OVERVIEW: " + abstract, width: width).joined(separator: "\n") + "\n\n"
        if let discussion {
            out += wrap(discussion, width: width).joined(separator: "\n") + "\n\n"
        }
        return out
    }

    /// "  --json                  Print a JSON array …", continued under the help column.
    private static func row(_ label: String, _ help: String) -> String {
        let lines = wrap(help, width: width - helpColumn)
        let indent = String(repeating: " ", count: helpColumn)
        var out = "  " + label
        if out.count + 2 > helpColumn {
            out += "\n" + indent
        } else {
            out += String(repeating: " ", count: helpColumn - out.count)
        }
        return out + lines.joined(separator: "\n" + indent) + "\n"
    }

    /// Lines of at most `width` characters, broken between words; a line
    /// break in `text` starts a new line.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                if !line.isEmpty && line.count + 1 + word.count > width {
                    lines.append(line)
                    line = ""
                }
                line += (line.isEmpty ? "" : " ") + word
            }
            lines.append(line)
        }
        return lines
    }
}
