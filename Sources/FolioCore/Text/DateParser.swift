import Foundation

/// Reads dates as articles write them: ISO 8601 ("2026-02-14", "2026-02-14T10:00:00Z",
/// "2026-02-14 10:00"), "14 February 2026", "February 14, 2026", "Feb. 14, 2026",
/// "14.02.2026", RFC 2822, "2026年2月14日", with month names in English, German,
/// French and Spanish. Dates are calendar dates in UTC; a time is kept when given.
public enum DateParser {
    /// A date anywhere in `text` (for lines like "Published 3 March 2026, 10:00").
    public static func find(in text: String) -> Date? {
        // Every date read has a year of four ASCII digits: text without such a run has none.
        hasFourDigits(text) ? findInTokens(text) : nil
    }

    /// `find`, reading every line's tokens.
    static func findInTokens(_ text: String) -> Date? {
        // A date sits near the start of whatever line holds it; bounded work on long text.
        let tokens = tokenize(text.utf8.count > 2000 ? String(text.prefix(1000)) : text)
        for i in tokens.indices {
            if let date = match(tokens, at: i) { return date }
        }
        return nil
    }

    /// Four ASCII digits in a row somewhere in the text: a year token (a number of four
    /// Characters, each an ASCII digit) is one such run, so `match` finds nothing without.
    static func hasFourDigits(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            var run = 0
            for b in bytes {
                if b &- 0x30 < 10 {
                    run += 1
                    if run == 4 { return true }
                } else {
                    run = 0
                }
            }
            return false
        }
    }

    /// True when `text` is essentially a date line: a date plus at most a few
    /// other words ("Published", "Updated", a weekday, a time, a time zone).
    public static func isDateLine(_ text: String) -> Bool {
        guard text.utf8.count <= 400, hasFourDigits(text), text.utf8.count <= 80 || SimpleCharacters.count(text) <= 80,
              findInTokens(text) != nil else { return false }
        let words = tokenize(text).filter { $0.kind == .word && monthNumber($0.text) == nil && !filler.contains($0.text.quickLowercased()) }
        return words.count <= 3
    }

    private static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th", "er", "re", "º", "ª"]

    private static let filler: Set<String> = [
        "published", "updated", "posted", "on", "at", "am", "pm", "utc", "gmt", "est", "edt", "pst", "pdt", "cet", "cest", "bst",
        "last", "modified", "date", "de", "le", "el", "am", "um", "uhr", "publié", "publicado", "veröffentlicht", "aktualisiert",
        "mis", "à", "jour", "a", "las", "th", "st", "nd", "rd", "er", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "montag", "dienstag", "mittwoch", "donnerstag",
        "freitag", "samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes",
        "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "z", "t", "by", "of", "den", "dem", "vom", "del", "actualizado", "publiée", "publiziert", "stand", "erschienen", "créé", "edited", "年", "月", "日", "time", "reading", "min", "read",
    ]

    struct Token {
        enum Kind { case number, word, punct }
        let kind: Kind
        let text: String
        var value: Int { Int(text) ?? -1 }
    }

    static func tokenize(_ text: String) -> [Token] {
        var text = text
        return text.withUTF8 { SimpleCharacters.all($0) ? tokenize(simple: $0) : nil } ?? tokenizeCharacters(text)
    }

    /// `tokenizeCharacters` for simple text, where each Character is one scalar: runs are cut from the bytes.
    static func tokenize(simple bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        var start = -1
        var kind: Token.Kind = .punct
        func flush(_ end: Int) {
            if start >= 0 { tokens.append(Token(kind: kind, text: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))) }
            start = -1
        }
        var i = 0
        while i < bytes.count {
            let (value, length) = WordCount.decode(bytes, at: i)
            let isLetter = value < 0x80 ? (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A
                : !WordCount.isGeneralPunctuation(value) && Unicode.Scalar(value)!.properties.isAlphabetic
            let k: Token.Kind = value >= 0x30 && value <= 0x39 ? .number : isLetter ? .word : .punct
            if k == .punct {
                flush(i)
                let isWhitespace = value < 0x80 ? value == 0x20 || value >= 0x09 && value <= 0x0D : Unicode.Scalar(value)!.properties.isWhitespace
                if !isWhitespace { tokens.append(Token(kind: .punct, text: String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]), as: UTF8.self))) }
            } else {
                if k != kind { flush(i) }
                kind = k
                if start < 0 { start = i }
            }
            i += length
        }
        flush(bytes.count)
        return tokens
    }

    /// Numbers (ASCII digits), words (letters) and single punctuation marks; whitespace separates.
    static func tokenizeCharacters(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var kind: Token.Kind = .punct
        func flush() {
            if !current.isEmpty { tokens.append(Token(kind: kind, text: current)) }
            current = ""
        }
        for c in text {
            let k: Token.Kind = c.isASCII && c.isNumber ? .number : (c.isLetter && !"年月日".contains(c) ? .word : .punct)
            if k == .punct {
                flush()
                if !c.isWhitespace { tokens.append(Token(kind: .punct, text: String(c))) }
                continue
            }
            if k != kind { flush() }
            kind = k
            current.append(c)
        }
        flush()
        return tokens
    }

    private static func match(_ t: [Token], at i: Int) -> Date? {
        func tok(_ j: Int) -> Token? { j < t.count ? t[j] : nil }
        func isPunct(_ j: Int, _ s: String) -> Bool { tok(j).map { $0.kind == .punct && $0.text == s } ?? false }
        guard let first = tok(i) else { return nil }

        if first.kind == .number && first.text.count == 4 {
            // 2026-02-14, 2026/02/14, 2026.02.14, 2026年2月14日
            let year = first.value
            for sep in ["-", "/", ".", "年"] where isPunct(i + 1, sep) {
                guard let m = tok(i + 2), m.kind == .number, let d = tok(i + 4), d.kind == .number else { continue }
                let secondSep = sep == "年" ? "月" : sep
                guard isPunct(i + 3, secondSep) else { continue }
                return make(year, m.value, d.value, time: time(t, from: i + 5))
            }
            return nil
        }
        if first.kind == .number && first.text.count <= 2 {
            var j = i + 1
            if isPunct(j, ".") { j += 1 }
            if let suffix = tok(j), suffix.kind == .word, ordinalSuffixes.contains(suffix.text.quickLowercased()) { j += 1 }  // 3rd, 1er, 1º
            if tok(j)?.text.quickLowercased() == "of" { j += 1 }  // 14th of February
            if tok(j)?.text.quickLowercased() == "de", let m = tok(j + 1), monthNumber(m.text) != nil { j += 1 }  // 14 de febrero
            if let m = tok(j), m.kind == .word, let month = monthNumber(m.text) {
                // 14 February 2026, 14. Februar 2026, 14 de febrero de 2026, 14 Feb. 2026
                j += 1
                if isPunct(j, ".") || isPunct(j, ",") { j += 1 }
                if tok(j)?.text.quickLowercased() == "de" { j += 1 }
                guard let y = tok(j), y.kind == .number, y.text.count == 4 else { return nil }
                return make(y.value, month, first.value, time: time(t, from: j + 1))
            }
            if let m = tok(i + 2), m.kind == .number, m.text.count <= 2, let y = tok(i + 4), y.kind == .number, y.text.count == 4 {
                // 14.02.2026 (day first); 02/14/2026 (month first when the day would be > 12)
                if isPunct(i + 1, ".") && isPunct(i + 3, ".") { return make(y.value, m.value, first.value, time: time(t, from: i + 5)) }
                if isPunct(i + 1, "/") && isPunct(i + 3, "/") {
                    let (month, day) = first.value > 12 ? (m.value, first.value) : (first.value, m.value)
                    return make(y.value, month, day, time: time(t, from: i + 5))
                }
            }
            return nil
        }
        if first.kind == .word, let month = monthNumber(first.text) {
            // February 14, 2026; Feb. 14 2026; February 14th, 2026
            var j = i + 1
            if isPunct(j, ".") { j += 1 }
            guard let d = tok(j), d.kind == .number, d.text.count <= 2 else { return nil }
            j += 1
            if let suffix = tok(j), ["st", "nd", "rd", "th"].contains(suffix.text.quickLowercased()) { j += 1 }
            if isPunct(j, ",") { j += 1 }
            guard let y = tok(j), y.kind == .number, y.text.count == 4 else { return nil }
            return make(y.value, month, d.value, time: time(t, from: j + 1))
        }
        return nil
    }

    /// "10:00", "10:00:30", "T10:00:00Z", "10:00+02:00" after a date.
    private static func time(_ t: [Token], from start: Int) -> (Int, Int, Int, Int)? {
        var j = start
        if j + 1 < t.count, t[j].kind == .word, t[j].text == "T", t[j + 1].kind == .number {
            return clock(t, hour: t[j + 1].value, after: j + 2)
        }
        if j < t.count, t[j].kind == .punct, t[j].text == "," || t[j].text == "|" || t[j].text == "·" { j += 1 }
        if j < t.count, t[j].kind == .word, ["at", "um", "à", "a"].contains(t[j].text.quickLowercased()) { j += 1 }
        guard j < t.count, t[j].kind == .number, t[j].text.count <= 2 else { return nil }
        return clock(t, hour: t[j].value, after: j + 1)
    }

    private static func clock(_ t: [Token], hour: Int, after j: Int) -> (Int, Int, Int, Int)? {
        guard j + 1 < t.count, t[j].text == ":", t[j + 1].kind == .number else { return nil }
        let minute = t[j + 1].value
        var k = j + 2
        var second = 0
        if k + 1 < t.count, t[k].text == ":", t[k + 1].kind == .number { second = t[k + 1].value; k += 2 }
        if k < t.count, t[k].text == ".", k + 1 < t.count, t[k + 1].kind == .number { k += 2 }
        var h = hour
        if k < t.count, t[k].kind == .word {
            let w = t[k].text.quickLowercased()
            if w == "pm" && h < 12 { h += 12 }
            if w == "am" && h == 12 { h = 0 }
        }
        var offset = 0
        if k + 1 < t.count, (t[k].text == "+" || t[k].text == "-"), t[k + 1].kind == .number {
            let sign = t[k].text == "-" ? -1 : 1
            let digits = t[k + 1].text
            var hours = 0, minutes = 0
            if digits.count == 4 { hours = Int(digits.prefix(2))!; minutes = Int(digits.suffix(2))! }
            else {
                hours = t[k + 1].value
                if k + 3 < t.count, t[k + 2].text == ":", t[k + 3].kind == .number { minutes = t[k + 3].value }
            }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        guard (0...23).contains(h), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        return (h, minute, second, offset)
    }

    static func make(_ year: Int, _ month: Int, _ day: Int, time: (Int, Int, Int, Int)? = nil) -> Date? {
        guard (1900...2200).contains(year) else { return nil }
        let civil = CivilDate(year: year, month: month, day: day, hour: time?.0 ?? 0, minute: time?.1 ?? 0, second: time?.2 ?? 0)
        return civil.date?.addingTimeInterval(-TimeInterval(time?.3 ?? 0))
    }

    private static let months: [String: Int] = {
        var table: [String: Int] = [:]
        let names: [[String]] = [
            ["january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene"],
            ["february", "feb", "februar", "février", "fevrier", "févr", "fev", "febrero"],
            ["march", "mar", "märz", "maerz", "mars", "marzo"],
            ["april", "apr", "avril", "avr", "abril", "abr"],
            ["may", "mai", "mayo"],
            ["june", "jun", "juni", "juin", "junio"],
            ["july", "jul", "juli", "juillet", "juil", "julio"],
            ["august", "aug", "août", "aout", "agosto", "ago"],
            ["september", "sep", "sept", "septembre", "septiembre", "setiembre"],
            ["october", "oct", "oktober", "okt", "octobre", "octubre"],
            ["november", "nov", "novembre", "noviembre"],
            ["december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic"],
        ]
        for (index, list) in names.enumerated() { for name in list { table[name] = index + 1 } }
        return table
    }()

    static func monthNumber(_ word: String) -> Int? { months[word.quickLowercased()] }

    /// ISO 8601 in UTC, for JSON output.
    public static func iso8601(_ date: Date) -> String {
        let d = CivilDate(date)
        return isoDay(date) + "T" + pad(d.hour, 2) + ":" + pad(d.minute, 2) + ":" + pad(d.second, 2) + "Z"
    }

    /// "2026-02-14" (UTC).
    public static func isoDay(_ date: Date) -> String {
        let d = CivilDate(date)
        return pad(d.year, 4) + "-" + pad(d.month, 2) + "-" + pad(d.day, 2)
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
