import Foundation
import FolioCore
import TermKit

/// Reads configuration text line by line into a `Config` (see `Config` for the format).
struct ConfigParser {
    let file: String
    let noColor: Bool
    var config = Config()
    private var lineNumber = 0
    private var viewLines: [String: Int] = [:]

    /// The pseudo-key of `unbind <all>`.
    static let allKeys = "<all>"
    static let directives = ["bind", "unbind", "set", "color", "view"]

    init(file: String, noColor: Bool) {
        self.file = file
        self.noColor = noColor
    }

    mutating func parse(_ text: String) {
        var text = Substring(text)
        if text.first == "\u{FEFF}" { text = text.dropFirst() }
        // \r\n is one Character and a newline, so CRLF files read the same.
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            lineNumber = index + 1
            parseLine(line)
        }
    }

    private mutating func problem(_ kind: ConfigProblem.Kind, _ message: String) {
        config.problems.append(ConfigProblem(file: file, line: lineNumber, kind: kind, message: message))
    }

    private mutating func parseLine(_ line: Substring) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return }
        let directive = String(trimmed.prefix { !$0.isWhitespace })
        switch directive {
        case "view":
            parseView(String(trimmed.dropFirst(directive.count)))
            return
        case "bind", "unbind", "set", "color", "colour":
            break
        default:
            let hint = Self.suggestion(directive, Self.directives)
            problem(.unknownDirective, "unknown directive '\(directive)'" + (hint.isEmpty ? " (directives: bind, unbind, set, color, view)" : hint))
            return
        }
        // Words up to a comment; a key may be `#` itself.
        var words: [String] = []
        for word in trimmed.split(whereSeparator: \.isWhitespace).map(String.init) {
            let isKey = words.count == 1 && (directive == "bind" || directive == "unbind")
            if word.hasPrefix("#") && !isKey { break }
            words.append(word)
        }
        let arguments = Array(words.dropFirst())
        switch directive {
        case "bind": parseBind(arguments)
        case "unbind": parseUnbind(arguments)
        case "set": parseSet(arguments)
        default: parseColor(arguments)
        }
    }

    // MARK: bind, unbind

    private mutating func parseBind(_ arguments: [String]) {
        guard arguments.count >= 2 else {
            return problem(.missingArgument, "bind needs a key and an action: bind KEY ACTION [CONTEXT]")
        }
        guard arguments.count <= 3 else { return problem(.extraArgument, "unexpected '\(arguments[3])' after bind KEY ACTION CONTEXT") }
        guard let key = key(arguments[0]) else { return }
        guard let command = Command(rawValue: arguments[1]) else {
            return problem(.unknownAction, "unknown action '\(arguments[1])'" + Self.suggestion(arguments[1], Command.allCases.map(\.rawValue)))
        }
        if arguments.count == 3 {
            guard let context = context(arguments[2]) else { return }
            config.keyMap = config.keyMap.binding(key, to: command, in: context)
        } else {
            config.keyMap = config.keyMap.bindingEverywhere(key, to: command)
        }
    }

    private mutating func parseUnbind(_ arguments: [String]) {
        guard !arguments.isEmpty else { return problem(.missingArgument, "unbind needs a key: unbind KEY [CONTEXT]") }
        guard arguments.count <= 2 else { return problem(.extraArgument, "unexpected '\(arguments[2])' after unbind KEY CONTEXT") }
        var contexts: [KeyContext]
        if arguments.count == 2 {
            guard let context = context(arguments[1]) else { return }
            contexts = [context]
        } else {
            contexts = arguments[0].lowercased() == Self.allKeys ? KeyContext.allCases : [.list, .reader, .global]
        }
        if arguments[0].lowercased() == Self.allKeys {
            for context in contexts { config.keyMap = config.keyMap.unbindingAll(in: context) }
            return
        }
        guard let key = key(arguments[0]) else { return }
        contexts = contexts.filter { config.keyMap.isBound(key, in: $0) }
        guard !contexts.isEmpty else {
            let place = arguments.count == 2 ? arguments[1] : "list, reader or global"
            return problem(.notBound, "'\(arguments[0])' is not bound in \(place)")
        }
        for context in contexts { config.keyMap = config.keyMap.unbinding(key, in: context) }
    }

    private mutating func key(_ name: String) -> Key? {
        if let key = Key(name: name) { return key }
        var message = "unknown key '\(name)'"
        if name.hasPrefix("<") && name.hasSuffix(">") && name.count > 2 {
            let names = ["Up", "Down", "Left", "Right", "Home", "End", "PageUp", "PageDown", "Enter", "Tab", "BackTab",
                         "Backspace", "Esc", "Delete", "Insert", "Space", "lt"].map { "<\($0)>" }
            let hint = Self.suggestion(name, names, caseInsensitive: true)
            message += hint.isEmpty ? " (names: <Enter>, <Space>, <Esc>, <C-d>, <F1>…)" : hint
        } else {
            message += " (a key is one character, or a name like <Enter>, <Space>, <C-d>, <F1>)"
        }
        problem(.unknownKey, message)
        return nil
    }

    private mutating func context(_ name: String) -> KeyContext? {
        if let context = KeyContext(rawValue: name) { return context }
        let names = KeyContext.allCases.map(\.rawValue)
        let hint = Self.suggestion(name, names)
        problem(.unknownContext, "unknown context '\(name)'" + (hint.isEmpty ? " (contexts: \(words(names, "and")))" : hint))
        return nil
    }

    // MARK: set

    private mutating func parseSet(_ arguments: [String]) {
        guard let name = arguments.first else { return problem(.missingArgument, "set needs a name and a value: set NAME VALUE") }
        guard let spec = SettingSpec.named(name) else {
            return problem(.unknownSetting, "unknown setting '\(name)'" + Self.suggestion(name, SettingSpec.all.map(\.name)))
        }
        guard arguments.count >= 2 else { return problem(.missingArgument, "set \(name) needs a value: \(spec.expected)") }
        let value = arguments.dropFirst().joined(separator: " ")
        var settings = config.settings
        guard spec.apply(value, &settings) else {
            return problem(.badValue, "bad value '\(value)' for \(name) (expected \(spec.expected))")
        }
        config.settings = settings
    }

    // MARK: color

    private mutating func parseColor(_ arguments: [String]) {
        guard arguments.count >= 3 else {
            return problem(.missingArgument, "color needs an element and two colours: color ELEMENT FOREGROUND BACKGROUND [ATTRIBUTE…]")
        }
        let elementNames = ThemeNames.elements.map(\.name)
        guard let path = ThemeNames.element(arguments[0]) else {
            let hint = Self.suggestion(arguments[0], elementNames)
            return problem(.unknownElement, "unknown element '\(arguments[0])'" + (hint.isEmpty ? " (elements: \(elementNames.joined(separator: ", ")))" : hint))
        }
        var colors: [Color] = []
        for name in arguments[1...2] {
            guard let color = ThemeNames.color(name) else {
                let hint = Self.suggestion(name.lowercased(), ThemeNames.allColorNames)
                return problem(.badColor, "unknown colour '\(name)'" + (hint.isEmpty ? " (default, a colour name like red or bright-blue, or 0–15)" : hint))
            }
            colors.append(color)
        }
        var attributes: Attributes = []
        for name in arguments.dropFirst(3) {
            guard let attribute = ThemeNames.attribute(name) else {
                let names = ThemeNames.attributes.map(\.name)
                let hint = Self.suggestion(name.lowercased(), names)
                return problem(.badAttribute, "unknown attribute '\(name)'" + (hint.isEmpty ? " (attributes: \(words(names, "and")))" : hint))
            }
            attributes.formUnion(attribute)
        }
        let style = noColor ? Style(attributes: attributes) : Style(foreground: colors[0], background: colors[1], attributes: attributes)
        config.theme[keyPath: path] = style
    }

    // MARK: view

    private mutating func parseView(_ rest: String) {
        let text = Self.withoutComment(rest)
        guard let equals = text.firstIndex(of: "=") else {
            return problem(.badView, "view needs a name and a query: view NAME = QUERY")
        }
        let name = text[..<equals].trimmingCharacters(in: .whitespaces)
        let query = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return problem(.badView, "view needs a name before '=': view NAME = QUERY") }
        guard !query.isEmpty else { return problem(.badView, "view '\(name)' needs a query after '='") }
        if let earlier = viewLines[name.lowercased()] {
            return problem(.badView, "view '\(name)' is already defined on line \(earlier)")
        }
        do {
            _ = try QueryParser.parse(query)
        } catch {
            return problem(.badView, "view '\(name)': \(error)")
        }
        viewLines[name.lowercased()] = lineNumber
        config.views.append(SavedView(name: name, query: query))
    }

    /// `text` up to a `#` that follows white space outside double quotes.
    static func withoutComment(_ text: String) -> String {
        var inQuotes = false
        var previous: Character = " "
        for index in text.indices {
            let c = text[index]
            if c == "\"" { inQuotes.toggle() }
            if c == "#" && !inQuotes && previous.isWhitespace { return String(text[..<index]) }
            previous = c
        }
        return text
    }

    // MARK: suggestions

    /// " (did you mean X?)" for the closest of `candidates`, or "" when none is close.
    static func suggestion(_ word: String, _ candidates: [String], caseInsensitive: Bool = false) -> String {
        let fold: (String) -> String = caseInsensitive ? { $0.lowercased() } : { $0 }
        let target = fold(word)
        let limit = max(1, min(3, target.count / 3))
        let scored = candidates.map { ($0, editDistance(target, fold($0))) }.filter { $0.1 <= limit }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return "" }
        return " (did you mean \(best.0)?)"
    }

    /// Levenshtein distance, counting a swap of neighbours as one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
