import Foundation

/// Parses the query language (see `Query`). Errors say what is wrong and where,
/// in words a person can act on.
public enum QueryParser {
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    public static func parse(_ text: String, now: Date = Date()) throws(Failure) -> Query {
        var parser = Parser(tokens: try tokenize(text), now: now)
        if parser.tokens.isEmpty { return .everything }
        let query = try parser.parseOr()
        if let extra = parser.peek { throw Failure(message: extra == .close ? "a ) without its (" : "unexpected \(extra.text)") }
        return query
    }

    enum Token: Equatable {
        case word(String), quoted(String), open, close
        var text: String {
            switch self {
            case .word(let w): return "“\(w)”"
            case .quoted(let q): return "“\"\(q)\"”"
            case .open: return "("
            case .close: return ")"
            }
        }
    }

    static func tokenize(_ text: String) throws(Failure) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var chars = Array(text)[...]
        func flush() {
            if !current.isEmpty { tokens.append(.word(current)); current = "" }
        }
        while let c = chars.popFirst() {
            switch c {
            case "(": flush(); tokens.append(.open)
            case ")": flush(); tokens.append(.close)
            case "\"":
                // A quoted phrase, also as a field's value: source:"Harbour Daily".
                guard let end = chars.firstIndex(of: "\"") else { throw Failure(message: "a \" without its closing \"") }
                let phrase = String(chars[chars.startIndex..<end])
                chars = chars[(end + 1)...]
                if current.hasSuffix(":") { current += phrase; flush() } else { flush(); tokens.append(.quoted(phrase)) }
            default:
                if c.isWhitespace { flush() } else { current.append(c) }
            }
        }
        flush()
        return tokens
    }

    struct Parser {
        var tokens: [Token]
        var position = 0
        let now: Date

        var peek: Token? { position < tokens.count ? tokens[position] : nil }
        mutating func next() -> Token? { defer { position += 1 }; return peek }

        func isKeyword(_ token: Token?, _ keyword: String) -> Bool {
            if case .word(let w)? = token { return w.lowercased() == keyword }
            return false
        }

        mutating func parseOr() throws(Failure) -> Query {
            var terms = [try parseAnd()]
            while isKeyword(peek, "or") {
                position += 1
                terms.append(try parseAnd())
            }
            return terms.count == 1 ? terms[0] : .or(terms)
        }

        mutating func parseAnd() throws(Failure) -> Query {
            var terms: [Query] = []
            while let token = peek, token != .close, !isKeyword(token, "or") {
                if isKeyword(token, "and") { position += 1; continue }
                terms.append(try parseNot())
            }
            if terms.isEmpty {
                throw Failure(message: peek == nil ? "nothing after “or”" : "nothing before \(peek!.text)")
            }
            return terms.count == 1 ? terms[0] : .and(terms)
        }

        mutating func parseNot() throws(Failure) -> Query {
            if isKeyword(peek, "not") {
                position += 1
                guard peek != nil, peek != .close else { throw Failure(message: "nothing after “not”") }
                return .not(try parseNot())
            }
            return try parseTerm()
        }

        mutating func parseTerm() throws(Failure) -> Query {
            guard let token = next() else { throw Failure(message: "the query ends too soon") }
            switch token {
            case .open:
                let inner = try parseOr()
                guard next() == .close else { throw Failure(message: "a ( without its )") }
                return inner
            case .close:
                throw Failure(message: "a ) without its (")
            case .quoted(let phrase):
                return .word(phrase)
            case .word(let word):
                return try term(word)
            }
        }

        func term(_ word: String) throws(Failure) -> Query {
            let lower = word.lowercased()
            if let flag = Query.Flag(rawValue: lower) { return .flag(flag) }
            guard let colon = word.firstIndex(of: ":"), colon != word.startIndex else { return .word(word) }
            let key = word[..<colon].lowercased()
            let value = String(word[word.index(after: colon)...])
            guard !value.isEmpty else { throw Failure(message: "\(key): needs a value, e.g. \(key):\(QueryParser.example(key))") }
            if let field = Query.Field(rawValue: key) { return .field(field, value) }
            switch key {
            case "after", "before":
                guard let date = DateParser.find(in: value) ?? DateParser.find(in: value + "-01") ?? DateParser.find(in: value + "-01-01") else {
                    throw Failure(message: "\(key):\(value) is not a date (try \(key):2026-01-31)")
                }
                return key == "after" ? .after(date) : .before(date)
            case "newer", "older":
                guard let seconds = QueryParser.duration(value) else { throw Failure(message: "\(key):\(value) is not an age (try \(key):7d, with h, d, w, m or y)") }
                return key == "newer" ? .newer(seconds) : .older(seconds)
            case "longer", "shorter":
                guard let minutes = QueryParser.minutes(value) else { throw Failure(message: "\(key):\(value) is not a reading time (try \(key):10m or \(key):1h)") }
                return key == "longer" ? .longer(minutes) : .shorter(minutes)
            case "is":
                guard let flag = Query.Flag(rawValue: value.lowercased()) else { throw Failure(message: "is:\(value) is not one of read, unread, starred, archived, marked") }
                return .flag(flag)
            default:
                let known = (Query.Field.allCases.map(\.rawValue) + ["after", "before", "newer", "older", "longer", "shorter"]).joined(separator: ", ")
                throw Failure(message: "unknown field “\(key):” (known: \(known))")
            }
        }
    }

    static func example(_ key: String) -> String {
        switch key {
        case "after", "before": return "2026-01-31"
        case "newer", "older": return "7d"
        case "longer", "shorter": return "10m"
        case "format": return "html"
        default: return "name"
        }
    }

    /// "7d" -> 7 days in seconds; units h, d, w, m (months of 30 days), y.
    static func duration(_ text: String) -> TimeInterval? {
        guard let unit = text.last, let n = Double(text.dropLast()), n >= 0 else { return nil }
        switch unit.lowercased() {
        case "h": return n * 3600
        case "d": return n * 86_400
        case "w": return n * 7 * 86_400
        case "m": return n * 30 * 86_400
        case "y": return n * 365 * 86_400
        default: return nil
        }
    }

    /// "10m" -> 10, "1h" -> 60, "15" -> 15 (minutes of reading).
    static func minutes(_ text: String) -> Int? {
        if let n = Int(text), n >= 0 { return n }
        guard let unit = text.last, let n = Int(text.dropLast()), n >= 0 else { return nil }
        switch unit.lowercased() {
        case "m": return n
        case "h": return n * 60
        default: return nil
        }
    }
}
