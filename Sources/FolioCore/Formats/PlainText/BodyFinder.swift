/// Finds the article body in a page's units: the best-scoring run of units
/// that crosses no end cue (a maximum subarray over scores from length,
/// sentence punctuation and stopwords), then trimmed of header lines at the
/// top and extended over short closing sentences at the bottom.
enum BodyFinder {
    struct Found: Equatable {
        var start: Int
        var end: Int
        /// A one-sentence standfirst that sat at the top of the run.
        var dek: Int?
    }

    /// Marks teaser blocks ("headline, one-sentence snippet", twice or more)
    /// that have no cue phrase above them as the end of the article.
    static func markTeasers(_ units: inout [TextUnit]) {
        var seenBody = false
        var i = 0
        while i + 3 < units.count {
            if units[i].kind == .good { seenBody = true }
            if seenBody, isHeadline(units[i]), isSnippet(units[i + 1]), isHeadline(units[i + 2]), isSnippet(units[i + 3]),
               i == 0 || !isHeadline(units[i - 1]) {
                units[i].kind = .end
                return
            }
            i += 1
        }
    }

    static func isHeadline(_ unit: TextUnit) -> Bool {
        (unit.kind == .short || unit.kind == .medium) && (3...20).contains(unit.words) && (!unit.endsSentence || unit.text.hasSuffix("?"))
            && !unit.isListItem && unit.sentences <= 1
    }

    static func isSnippet(_ unit: TextUnit) -> Bool {
        unit.kind != .chrome && unit.kind != .end && unit.endsSentence && !unit.text.hasSuffix("?") && unit.words <= 35 && unit.sentences <= 2
    }

    static func find(_ units: [TextUnit], bylines: BylineMemo? = nil) -> Found {
        let bylines = bylines ?? BylineMemo(units)
        var best = (score: -Double.infinity, start: 0, end: -1)
        var current = 0.0
        var currentStart = 0
        for (i, unit) in units.enumerated() {
            if unit.kind == .end { current = 0; currentStart = i + 1; continue }
            if current <= 0 { current = 0; currentStart = i }
            current += unit.score
            if current > best.score && (unit.kind == .good || unit.kind == .medium) { best = (current, currentStart, i) }
        }
        guard best.end >= 0 else {
            // No article-like text at all: everything that is not chrome.
            let kept = units.indices.filter { units[$0].kind != .chrome && units[$0].kind != .end }
            return Found(start: kept.first ?? 0, end: kept.last ?? units.count - 1)
        }
        var start = skipHeader(units, from: best.start, to: best.end, bylines: bylines)
        var dek: Int?
        // A standfirst in the same block as the title, above a body whose paragraphs are
        // separated by blank lines, belongs to the header even when it ends with a period.
        if start > 0, start < best.end, units[start].group == units[start - 1].group, units[start + 1].group != units[start].group,
           units[start].sentences <= 2, units[start].words <= 60, blankSeparated(units, start + 1, best.end),
           HeaderParts.isTitleLike(units[start - 1]), units[start - 1].kind != .chrome, !HeaderParts.isMeta(units, start - 1, bylines: bylines) {
            dek = start
            start += 1
        }
        let end = extendEnd(units, from: best.end)
        return Found(start: start, end: end, dek: dek)
    }

    /// Moves the start past header lines that the best run took in: chrome, labels,
    /// bylines, date lines, and a title or standfirst above them.
    static func skipHeader(_ units: [TextUnit], from start: Int, to end: Int, bylines: BylineMemo? = nil) -> Int {
        let bylines = bylines ?? BylineMemo(units)
        var metaCache: [Int: Bool] = [:]  // parsing a byline is not free, and units are asked about more than once
        metaCache.reserveCapacity(16)
        func isMeta(_ i: Int) -> Bool {
            if let known = metaCache[i] { return known }
            let meta = HeaderParts.isMeta(units, i, bylines: bylines)
            metaCache[i] = meta
            return meta
        }
        var s = start
        // The last byline or date line near the top ends the header.
        let window = s...min(end, s + 6)
        if let marker = window.last(where: isMeta),
           units[s..<marker].allSatisfy({ $0.sentences <= 2 && $0.words <= 60 }),
           (s..<marker).filter({ units[$0].kind != .chrome && !isMeta($0) }).count <= 2, marker < end {
            s = marker + 1
        }
        while s < end {
            let u = units[s]
            if u.kind == .chrome || isMeta(s) { s += 1; continue }
            if u.kind == .short && !u.isShortProse && !u.isListItem && units[s + 1].kind != .good { s += 1; continue }
            break
        }
        return s
    }

    /// True when most units in the range start their own blank-line separated block.
    static func blankSeparated(_ units: [TextUnit], _ from: Int, _ to: Int) -> Bool {
        guard from <= to else { return false }
        var starts = 0
        for i in from...to where i == 0 || units[i].group != units[i - 1].group { starts += 1 }
        return to - from + 1 >= 2 && Double(starts) >= Double(to - from + 1) * 0.7
    }

    /// Takes in closing short sentences after the best run ("They didn't seem convinced.")
    /// up to the first chrome, cue or headline-like line.
    static func extendEnd(_ units: [TextUnit], from end: Int) -> Int {
        var e = end
        while e + 1 < units.count, e - end < 3 {
            let next = units[e + 1]
            guard next.kind != .chrome, next.kind != .end, next.endsSentence, next.hasLowercase, next.words >= 2,
                  next.kind == .medium || next.isShortProse else { break }
            // A snippet under a teaser headline is not part of the article.
            if e + 2 < units.count, isHeadline(units[e + 2]), e + 3 < units.count, isSnippet(units[e + 3]) { break }
            e += 1
        }
        return e
    }
}
