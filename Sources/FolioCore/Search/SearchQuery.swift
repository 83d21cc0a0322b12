/// Turns what a person types into a safe FTS5 MATCH expression.
///
/// Words become prefix matches (`harb` finds "harbour"); text in double quotes
/// (straight or curly) is matched as a phrase. Every term is passed to FTS5 as
/// a double-quoted string, so nothing the user types is read as FTS5 syntax:
/// `AND`, `OR`, `NOT`, `NEAR`, parentheses, `*`, `^`, `:`, `-` and `+` are just
/// text, and a term with no letters or digits is dropped. All terms must match
/// (FTS5's implicit AND).
public enum SearchQuery {
    /// At most this many terms are used; the rest are ignored.
    public static let maximumTerms = 32

    public enum Term: Equatable, Sendable {
        /// A word, matched as a prefix.
        case word(String)
        /// Words in quotes, matched next to each other in this order.
        case phrase(String)
    }

    /// The terms of `text`, in order, without the ones FTS5 could not use.
    public static func terms(_ text: String) -> [Term] {
        var terms: [Term] = []
        var word = ""
        var phrase: String? = nil
        func flushWord() {
            if isUsable(word) { terms.append(.word(word)) }
            word = ""
        }
        for var c in text {
            // FTS5 reads a query as a C string, and controls are never part of a word.
            if c.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { c = " " }
            if var open = phrase {
                if isQuote(c) {
                    if isUsable(open) { terms.append(.phrase(open)) }
                    phrase = nil
                } else {
                    open.append(c)
                    phrase = open
                }
            } else if isQuote(c) {
                flushWord()
                phrase = ""
            } else if c.isWhitespace {
                flushWord()
            } else {
                word.append(c)
            }
        }
        flushWord()
        // An unclosed quote: the rest is still a phrase.
        if let open = phrase, isUsable(open) { terms.append(.phrase(open)) }
        return Array(terms.prefix(maximumTerms))
    }

    /// The FTS5 MATCH expression for `text`; nil when it has nothing to search for.
    public static func matchExpression(_ text: String) -> String? {
        let parts = terms(text).map { term -> String in
            switch term {
            case .word(let w): return quoted(w) + "*"
            case .phrase(let p): return quoted(p)
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// An FTS5 string: double quotes around, inner double quotes doubled.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func isQuote(_ c: Character) -> Bool { c == "\"" || c == "\u{201C}" || c == "\u{201D}" }

    /// True when the tokenizer will find at least one token in `text`.
    static func isUsable(_ text: String) -> Bool { text.contains { $0.isLetter || $0.isNumber } }
}
