/// What an element's class and id say about it: words that mark article text
/// ("article", "content", "story"), words that mark page furniture ("comment",
/// "sidebar", "share", "related"), and words that make an element unlikely to
/// hold the article at all ("menu", "footer", "banner"). Read once per distinct
/// class and id pair.
struct ClassHints: Equatable {
    /// -50…50: +25 for a positive word and -25 for a negative one, in the class and in the id.
    var weight = 0
    /// Names page furniture (and nothing that says "content"): drop before scoring.
    var unlikely = false
    /// A byline or author box.
    var byline = false
    /// A share bar ("share", "sharedaddy" as a word).
    var share = false
    /// Page furniture to drop from inside the chosen content, even when the class
    /// also says "content" ("related-content", "comments-body", "newsletter-signup").
    var boilerplate = false
    /// A utility class that hides the element ("hidden", "sr-only", "d-none"…).
    var hiddenByClass = false

    static let none = ClassHints()

    static let positive = ["article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text", "blog", "story"]
    static let negative = [
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "gdpr", "masthead", "media", "meta",
        "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping",
        "tags", "tool", "widget", "taboola", "newsletter", "subscribe", "popup", "cookie", "consent",
    ]
    static let unlikelyWords = [
        "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
        "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
        "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
        "yom-remote", "cookie", "consent", "newsletter", "outbrain", "taboola", "navbar", "breadcrumb",
    ]
    static let maybeWords = ["and", "article", "body", "column", "content", "main", "shadow"]
    static let bylineWords = ["byline", "author", "dateline", "writtenby", "p-author"]
    static let boilerplateWords = [
        "related", "recommend", "newsletter", "subscribe", "signup", "sign-up", "comment", "disqus", "share", "social",
        "sharing", "follow-us", "cookie", "consent", "gdpr", "outbrain", "taboola", "promo", "sponsor", "advert",
        "breadcrumb", "pagination", "pager", "paywall", "more-stories", "read-more", "readmore", "recirc", "trending",
        "most-popular", "mostpopular", "author-bio", "author-info", "about-author", "byline", "tags", "topics", "toolbar",
        "caption", "credit", "gallery", "slideshow", "carousel", "swiper", "lightbox", "rollover", "tooltip", "popover",
        "dateline", "timestamp", "published", "meta", "print-only", "widget", "sidebar",
    ]
    /// Whole class names that hide an element.
    static let hidingClasses: [[UInt8]] = [
        "hidden", "hide", "is-hidden", "u-hidden", "invisible", "sr-only", "visually-hidden", "visuallyhidden",
        "screen-reader-text", "screen-reader-only", "element-invisible", "offscreen",
    ].map { Array($0.utf8) }

    init() {}

    init(className: String?, id: String?) {
        let cls = Self.lowered(className)
        let ident = Self.lowered(id)
        let clsWords = Self.words(cls), idWords = Self.words(ident)
        let clsMatch = Self.table.match(cls), idMatch = Self.table.match(ident)
        var weight = 0
        for (match, words) in [(clsMatch, clsWords), (idMatch, idWords)] {
            if match.contains(.negative) || words.contains(where: { $0.elementsEqual("hid".utf8) }) || Self.hasAdWord(words) { weight -= 25 }
            if match.contains(.positive) { weight += 25 }
        }
        self.weight = weight
        let both = clsMatch.union(idMatch)
        let allWords = clsWords + idWords
        let adWord = Self.hasAdWord(allWords)
        unlikely = (both.contains(.unlikely) || adWord) && !both.contains(.maybe)
        byline = both.contains(.byline)
        share = allWords.contains { $0.elementsEqual("share".utf8) || $0.elementsEqual("sharedaddy".utf8) }
        boilerplate = both.contains(.boilerplate) || adWord
        hiddenByClass = Self.hides(cls)
    }

    /// "hidden", "sr-only"…, or Bootstrap's "d-none" unless another class shows it again at some screen size.
    static func hides(_ lowered: [UInt8]) -> Bool {
        guard !lowered.isEmpty else { return false }
        let names = lowered.split(separator: 0x20)
        if names.contains(where: { name in hidingClasses.contains { name.elementsEqual($0) } }) { return true }
        guard names.contains(where: { $0.elementsEqual("d-none".utf8) }) else { return false }
        return !names.contains { $0.starts(with: "d-".utf8) && !$0.elementsEqual("d-none".utf8) && !$0.starts(with: "d-print".utf8) }
    }

    private static func lowered(_ text: String?) -> [UInt8] {
        guard let text, !text.isEmpty else { return [] }
        return text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
    }

    /// "ad", "ads", "advert…" and "advertisement" as separate words ("ad-slot", "story-ad", "ads_top").
    private static func hasAdWord(_ words: [ArraySlice<UInt8>]) -> Bool {
        words.contains { w in
            w.elementsEqual("ad".utf8) || w.elementsEqual("ads".utf8) || w.starts(with: "advert".utf8)
                || w.elementsEqual("adslot".utf8) || w.elementsEqual("adunit".utf8) || w.elementsEqual("dfp".utf8)
        }
    }

    /// Runs of letters and digits: "post-share_bar" is "post", "share", "bar".
    private static func words(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split { !(($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 >= 0x80) }
    }

    private static let table = WordTable([
        (positive, .positive), (negative, .negative), (unlikelyWords, .unlikely), (maybeWords, .maybe),
        (bylineWords, .byline), (boilerplateWords, .boilerplate),
    ])
}

/// Finds which lists of words occur anywhere in a lower-case string, in one pass:
/// at each position only the words starting with that byte are tried.
struct WordTable {
    struct Lists: OptionSet {
        let rawValue: UInt8
        static let positive = Lists(rawValue: 1), negative = Lists(rawValue: 2), unlikely = Lists(rawValue: 4)
        static let maybe = Lists(rawValue: 8), byline = Lists(rawValue: 16), boilerplate = Lists(rawValue: 32)
    }

    private var byFirstByte: [[(word: [UInt8], lists: Lists)]] = Array(repeating: [], count: 256)

    init(_ lists: [([String], Lists)]) {
        var merged: [[UInt8]: Lists] = [:]
        for (words, list) in lists { for word in words { merged[Array(word.utf8), default: []].insert(list) } }
        for (word, list) in merged { byFirstByte[Int(word[0])].append((word, list)) }
    }

    func match(_ text: [UInt8]) -> Lists {
        var found: Lists = []
        guard !text.isEmpty else { return found }
        text.withUnsafeBufferPointer { buffer in
            for start in 0..<buffer.count {
                for (word, lists) in byFirstByte[Int(buffer[start])] where !found.isSuperset(of: lists) && start + word.count <= buffer.count {
                    var j = 1
                    while j < word.count && buffer[start + j] == word[j] { j += 1 }
                    if j == word.count { found.formUnion(lists) }
                }
            }
        }
        return found
    }
}
