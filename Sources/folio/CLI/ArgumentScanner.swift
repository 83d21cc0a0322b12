/// What one command takes on the command line, and the words its --help prints.
/// Declared as plain values by each command (see ListCommand.swift); read by
/// `ArgumentScanner` and `HelpText`.
struct CommandSpec {
    let name: String
    let abstract: String
    var discussion: String? = nil
    var arguments: [Argument] = []
    var options: [Option] = []

    /// A positional argument, taken in the order declared.
    struct Argument {
        let name: String
        let help: String
        var isOptional = false
        /// One or more (or, if optional, any number): takes every word left.
        var repeats = false
        /// The only values allowed (listed in help), or nil for any.
        var values: [String]? = nil

        static func required(_ name: String, help: String, values: [String]? = nil) -> Argument {
            Argument(name: name, help: help, values: values)
        }
        static func optional(_ name: String, help: String) -> Argument {
            Argument(name: name, help: help, isOptional: true)
        }
        static func oneOrMore(_ name: String, help: String) -> Argument {
            Argument(name: name, help: help, repeats: true)
        }
    }

    /// `--long VALUE` (also `--long=VALUE`, `-s VALUE`), or a flag without a value.
    struct Option {
        let long: String
        var short: Character? = nil
        /// Shown as `<valueName>`; nil for a flag.
        var valueName: String? = nil
        let help: String
        /// Shown in help only; the command applies its default itself.
        var defaultValue: String? = nil

        var isFlag: Bool { valueName == nil }

        static func flag(_ long: String, short: Character? = nil, help: String) -> Option {
            Option(long: long, short: short, help: help)
        }
        static func value(_ long: String, short: Character? = nil, name: String? = nil, help: String, default: String? = nil) -> Option {
            Option(long: long, short: short, valueName: name ?? long, help: help, defaultValue: `default`)
        }
    }

    /// Every command also takes these; the scanner answers them itself.
    static let help = Option.flag("help", short: "h", help: "Show help information.")
    static let version = Option.flag("version", help: "Show the version.")

    /// The command's options and the two every command takes, as help lists them.
    var allOptions: [Option] { options + [Self.version, Self.help] }
}

/// A command line that does not fit the command: "folio: MESSAGE", a hint to
/// `--help`, and exit status 64 (EX_USAGE).
struct UsageError: Error, Equatable, CustomStringConvertible {
    let message: String
    /// The command whose help the hint names ("" for folio's own).
    let command: String
    var description: String { message }
    /// "folio list --help".
    var hint: String { command.isEmpty ? "folio --help" : "folio \(command) --help" }
}

/// The words of a command line sorted out against a `CommandSpec`.
/// (Plain arrays, searched by name: a Set or Dictionary of strings would have
/// the runtime look up String's Hashable conformance, a scan of every
/// conformance in the static binary, on the way to printing --version.)
struct ParsedArguments {
    let command: String
    /// The long names of the flags given.
    var flags: [String] = []
    /// Option values in the order given: when one is given twice, the last counts.
    var values: [(name: String, value: String)] = []
    var positionals: [(name: String, words: [String])] = []

    func flag(_ long: String) -> Bool { flags.contains(long) }
    func value(_ long: String) -> String? { values.last { $0.name == long }?.value }
    func argument(_ name: String) -> String? { arguments(name).first }
    func arguments(_ name: String) -> [String] { positionals.first { $0.name == name }?.words ?? [] }

    /// An option's value as a whole number; nil when the option was not given.
    func int(_ long: String) throws -> Int? {
        guard let text = value(long) else { return nil }
        guard let number = Int(text) else {
            throw UsageError(message: "--\(long) needs a whole number, not '\(text)'", command: command)
        }
        return number
    }
}

enum ArgumentScanner {
    enum Outcome {
        case parsed(ParsedArguments)
        case help
        case version
    }

    /// Sorts `words` (the command line after the command word) into options,
    /// flags and positional arguments. Options may come anywhere; `--` ends
    /// them. `--help`/`-h` and `--version` win over a missing argument.
    static func scan(_ words: [String], for spec: CommandSpec) throws -> Outcome {
        let options = spec.allOptions
        var parsed = ParsedArguments(command: spec.name)
        var loose: [String] = []
        var optionsEnded = false
        var i = 0
        func fail(_ message: String) -> UsageError { UsageError(message: message, command: spec.name) }

        /// The option's value: after '=', else the next word unless that is an option.
        func take(_ option: CommandSpec.Option, as written: String, inline: String?) throws {
            if option.isFlag {
                if let inline { throw fail("option '\(written)' takes no value (given '\(inline)')") }
                parsed.flags.append(option.long)
                return
            }
            var value = inline
            if value == nil, i < words.count, words[i] == "-" || !words[i].hasPrefix("-") {
                value = words[i]
                i += 1
            }
            guard let value, inline == nil || !value.isEmpty else {
                throw fail("missing value for '\(written) <\(option.valueName!)>'")
            }
            parsed.values.append((option.long, value))
        }

        while i < words.count {
            let word = words[i]
            i += 1
            if optionsEnded || word == "-" || !word.hasPrefix("-") {
                loose.append(word)
            } else if word == "--" {
                optionsEnded = true
            } else if word.hasPrefix("--") {
                let body = word.dropFirst(2)
                let name = String(body.prefix { $0 != "=" })
                let inline = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
                guard let option = options.first(where: { $0.long == name }) else {
                    throw fail(unknownOption("--" + name, options: options))
                }
                try take(option, as: "--" + name, inline: inline)
            } else {
                // -v, -o FILE, or short flags run together (-vh).
                let letters = Array(word.dropFirst())
                let found = letters.compactMap { letter in options.first { $0.short == letter } }
                guard found.count == letters.count, letters.count == 1 || found.allSatisfy(\.isFlag) else {
                    throw fail(unknownOption(word, options: options))
                }
                for option in found { try take(option, as: "-" + String(option.short!), inline: nil) }
            }
        }
        if parsed.flag("help") { return .help }
        if parsed.flag("version") { return .version }

        var rest = loose[...]
        for argument in spec.arguments {
            let count = argument.repeats ? rest.count : min(1, rest.count)
            if count == 0 {
                if argument.isOptional { continue }
                throw fail("missing argument <\(argument.name)>")
            }
            let taken = Array(rest.prefix(count))
            rest = rest.dropFirst(count)
            if let allowed = argument.values, let bad = taken.first(where: { !allowed.contains($0) }) {
                throw fail("<\(argument.name)> must be \(allowed.joined(separator: " or ")), not '\(bad)'")
            }
            parsed.positionals.append((argument.name, taken))
        }
        if let extra = rest.first { throw fail("unexpected argument '\(extra)'") }
        return .parsed(parsed)
    }

    /// "unknown option '--jsn' (did you mean --json?)".
    static func unknownOption(_ written: String, options: [CommandSpec.Option]) -> String {
        let message = "unknown option '\(written)'"
        guard let near = closest(to: String(written.drop { $0 == "-" }), among: options.map(\.long)) else { return message }
        return message + " (did you mean --\(near)?)"
    }

    /// The name `word` is most likely a slip for: one it begins, or one a
    /// couple of letters away (ignoring case).
    static func closest(to word: String, among names: [String]) -> String? {
        let typed = word.lowercased()
        guard typed.count >= 2 else { return nil }
        let starts = names.filter { $0.hasPrefix(typed) }
        if starts.count == 1 { return starts[0] }
        let scored = names.map { (name: $0, distance: editDistance(typed, $0)) }.filter { $0.distance <= min(2, typed.count / 2) }
        return scored.min { $0.distance < $1.distance }?.name
    }

    /// Levenshtein distance: insertions, deletions and substitutions.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
