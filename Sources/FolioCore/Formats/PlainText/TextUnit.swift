/// One block of a plain-text page (a line, or a hard-wrapped paragraph) with
/// the signals used to decide whether it is article text.
struct TextUnit {
    enum Kind: Equatable { case good, medium, short, chrome, end }

    let text: String
    let normalized: String
    let words: Int
    let stopwordRatio: Double
    let endsSentence: Bool
    let kind: Kind

    init(_ text: String) {
        self.text = text
        normalized = TextSignals.normalized(text)
        words = WordCount.count(text)
        let tokens = text.lowercased().split { !($0.isLetter || $0 == "'" || $0 == "’") }
        let stops = tokens.reduce(0) { $0 + (TextSignals.stopwords.contains(String($1)) ? 1 : 0) }
        stopwordRatio = tokens.isEmpty ? 0 : Double(stops) / Double(tokens.count)
        let last = text.last { !"\"”’»)]' ".contains($0) }
        endsSentence = last.map { ".!?。！？…:".contains($0) } ?? false
        let cjk = text.unicodeScalars.reduce(0) { $0 + (WordCount.isIdeographic($1) ? 1 : 0) }

        if TextSignals.isEndCue(normalized, words: words) {
            kind = .end
        } else if TextSignals.chrome.contains(normalized) || normalized.isEmpty {
            kind = .chrome
        } else if Self.isLinkList(text) {
            kind = .chrome
        } else if cjk >= 30 && endsSentence {
            kind = .good
        } else if words >= 15 && endsSentence && stopwordRatio >= 0.18 || words >= 35 && stopwordRatio >= 0.25 {
            kind = .good
        } else if words >= 7 && endsSentence && (stopwordRatio >= 0.12 || cjk >= 12) {
            kind = .medium
        } else {
            kind = .short
        }
    }

    /// Menus flattened into one line: "Home | World | Business | Tech".
    static func isLinkList(_ text: String) -> Bool {
        let separators = text.filter { "|•·".contains($0) }.count
        return separators >= 2 && text.count / (separators + 1) < 20
    }

    /// How much this unit adds to a candidate body.
    var score: Double {
        switch kind {
        case .good: return Double(min(words, 150))
        case .medium: return Double(words) * 0.5
        case .short: return -3
        case .chrome: return -6
        case .end: return -.infinity
        }
    }
}
