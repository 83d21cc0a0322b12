import Foundation

/// Language signals for finding the article in a page's text: stopwords
/// (English, German, French, Spanish), cue phrases that end an article, and
/// the short labels of site chrome. Lines are compared in `normalized` form.
enum TextSignals {
    static let stopwords: Set<String> = Set("""
    the of and a to in is was that for on with as by at it from his her their be are were has have had this an which not \
    but they we he she or its will would been after more than who when into about said also there can could one all our \
    you your if so what up out new over just like only other some them then these those while where how most many may \
    der die das und zu den von mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie \
    nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch man \
    wenn wir ich ihr hatte seine kann schon sei diese dieser \
    le la les de des du et un une à en que qui dans pour pas sur au avec est il elle ce se ne plus par son sa ses aux \
    ont été sont mais comme leur nous vous ils elles cette ces on où dont été \
    el los las del y por con para es no al lo su sus como más pero fue ha son este esta entre cuando muy sin sobre \
    también ya hay era desde todo nos durante
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// The ASCII stopwords (none is longer than eight bytes), for looking up words without making Strings.
    static let asciiStopwords = PackedWordSet(stopwords)
    /// The same words, for looking up a word where it lies in a buffer (see `StopwordTable`).
    static let stopwordTable = StopwordTable(stopwords)

    /// `stopwords.contains` for an ASCII word given as bytes, lower-cased here.
    static func isStopword(ascii word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count <= asciiStopwords.longest else { return false }
        // Packed as `PackedWordSet.pack` packs, lower-casing as it goes.
        var packed: UInt64 = 0
        for b in word { packed = packed << 8 | UInt64(b &- 0x41 < 26 ? b | 0x20 : b) }
        return asciiStopwords.contains(packed: packed)
    }

    /// `isStopword(ascii:)` for the word at `start..<end` of `bytes` when it holds only ASCII letters
    /// and apostrophes (which `| 0x20` lower-cases), given `asciiStopwords`: a word with eight bytes
    /// readable from its start is packed from one load.
    @inline(__always)
    static func isStopword(letters bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, in set: PackedWordSet) -> Bool {
        let length = end - start
        guard length <= set.longest else { return false }
        var packed: UInt64 = 0
        if start + 8 <= bytes.count, let base = bytes.baseAddress {
            // Little-endian: the first byte lowest. Keep `length` bytes, lower-case them, and
            // reverse them so that the first byte is the highest, as `PackedWordSet.pack` has it.
            let mask: UInt64 = length == 8 ? ~0 : (1 << UInt64(length * 8)) - 1
            let word = (UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self) | 0x2020_2020_2020_2020) & mask
            packed = word.byteSwapped >> UInt64((8 - length) * 8)
        } else {
            for k in start..<end { packed = packed << 8 | UInt64(bytes[k] | 0x20) }
        }
        return set.contains(packed: packed)
    }

    /// Lines that end the article: what follows is teasers, comments or footer.
    static let endCues: Set<String> = [
        "related", "related stories", "related articles", "related content", "related news", "related coverage",
        "you may also like", "you might also like", "you may like", "most read", "most popular", "most viewed",
        "more stories", "read more", "read next", "recommended", "recommended for you", "recommended stories",
        "trending", "trending now", "popular now", "more on this story", "don't miss", "dont miss", "further reading",
        "comments", "leave a comment", "join the conversation", "share this article", "sign up for our newsletter",
        "get our newsletter", "about the author", "what to read next", "latest news", "latest stories", "top stories",
        "editor's picks", "editors' picks", "more news", "see also", "up next", "keep reading", "more to explore",
        "weitere artikel", "das könnte sie auch interessieren", "mehr zum thema", "meistgelesen", "meistgelesene artikel",
        "lesen sie auch", "auch interessant", "kommentare", "verwandte artikel", "zum thema", "empfehlungen",
        "à lire aussi", "a lire aussi", "lire aussi", "sur le même sujet", "les plus lus", "vous aimerez aussi",
        "articles similaires", "commentaires", "à voir aussi", "nos recommandations", "dans la même rubrique",
        "te puede interesar", "noticias relacionadas", "lo más leído", "más leídas", "también te puede interesar",
        "comentarios", "más noticias", "lee también", "relacionados", "references", "more from this section",
        "most shared", "most commented", "popular stories", "in other news", "around the web", "from our partners",
        "promoted stories", "you might be interested in", "recommended reading", "more like this", "related topics",
        "read more about", "more on this topic", "meistgelesene", "mehr aus dem ressort", "weitere nachrichten",
        "ebenfalls interessant", "das interessiert andere leser", "les plus partagés", "à découvrir", "a découvrir",
        "sur le même thème", "lire la suite", "en lien avec cet article", "lo más visto", "más noticias de",
        "te recomendamos", "quizá te interese", "otras noticias", "artículos relacionados",
    ]

    /// Prefixes of lines that end the article (attribution, copyright, legal).
    static let endPrefixes: [String] = [
        "this post appeared first on", "this article appeared first on", "this story appeared first on",
        "this article was originally published", "this story was originally published", "originally published",
        "this article originally appeared", "©", "(c) 20", "copyright ", "dieser artikel erschien zuerst",
        "cet article est paru", "este artículo se publicó", "dieser beitrag erschien zuerst", "cet article a été publié",
        "cet article a d'abord été publié", "este artículo fue publicado originalmente", "este artículo apareció",
        "this article first appeared", "this story first appeared", "this post first appeared", "republished with permission",
        "all rights reserved", "alle rechte vorbehalten", "tous droits réservés", "todos los derechos reservados",
    ]

    /// Prefixes that end the article only on short lines ("More from Harbour Daily").
    static let shortEndPrefixes: [String] = [
        "more from ", "more in ", "more stories from ", "all rights reserved", "privacy policy", "terms of use",
        "terms of service", "terms & conditions", "impressum", "datenschutz", "mentions légales", "aviso legal",
        "mehr zum thema", "mehr aus ", "plus d'articles", "more about ", "more articles", "sign up for our",
        "sign up to our", "subscribe to our newsletter", "get the newsletter", "newsletter abonnieren", "inscrivez-vous à notre",
        "suscríbete a nuestro", "cookie settings", "cookie-einstellungen", "paramètres des cookies", "política de privacidad",
        "politique de confidentialité", "datenschutzerklärung", "contact us", "about us",
    ]

    /// Short lines of site chrome that may also sit inside an article.
    static let chrome: Set<String> = [
        "skip to main content", "skip to content", "skip to navigation", "menu", "main menu", "search", "sign in",
        "log in", "login", "register", "subscribe", "subscribe now", "share", "share this", "tweet", "email", "print",
        "advertisement", "ad", "ads", "sponsored", "sponsored content", "close", "home", "connect with us", "follow us",
        "hi, what are you looking for?", "what are you looking for?", "listen", "listen to this article", "save",
        "comment", "copy link", "facebook", "twitter", "x", "linkedin", "whatsapp", "reddit", "accept", "accept all",
        "accept cookies", "continue reading", "show more", "back to top", "newsletter", "my account", "account",
        "anmelden", "abonnieren", "abo", "suche", "teilen", "anzeige", "werbung", "startseite", "menü",
        "se connecter", "s'abonner", "rechercher", "partager", "publicité", "accueil",
        "iniciar sesión", "suscríbete", "buscar", "compartir", "publicidad", "inicio",
        "skip to", "jump to", "toggle navigation", "open menu", "close menu", "navigation", "sections", "all sections",
        "sign up", "sign out", "log out", "my profile", "notifications", "enter your email address", "enter your email",
        "your email", "email address", "submit", "go", "next", "previous", "prev", "more", "load more", "see more",
        "view comments", "show comments", "hide caption", "toggle caption", "enlarge this image", "expand", "collapse",
        "image", "photo", "video", "audio", "play", "pause", "mute", "gift this article", "gift article", "bookmark",
        "save article", "save for later", "read later", "print this page", "text size", "font size", "a-", "a+",
        "instagram", "youtube", "tiktok", "threads", "bluesky", "mastodon", "pinterest", "telegram", "rss", "feed",
        "zum inhalt springen", "zur navigation", "wonach suchen sie?", "schließen", "mehr", "weiter", "zurück",
        "link kopieren", "e-mail", "drucken", "merken", "jetzt anmelden", "jetzt abonnieren", "folgen sie uns",
        "aller au contenu", "aller au contenu principal", "fermer", "que recherchez-vous ?", "que recherchez-vous?",
        "imprimer", "copier le lien", "suivez-nous", "abonnez-vous", "lire plus", "plus", "connexion", "mon compte",
        "ir al contenido", "saltar al contenido", "cerrar", "¿qué estás buscando?", "imprimir", "copiar enlace",
        "síguenos", "suscribirse", "leer más", "más", "mi cuenta", "entrar", "registrarse", "anuncio",
    ]

    static let leadingMarks = Set("•·|>»›-–—:*#".unicodeScalars), trailingMarks = Set("•·|<«‹-–—:*.…".unicodeScalars)

    /// `chrome.contains(normalized)`. Simple text is in its canonical (NFC) form, so when it is
    /// longer in bytes than every phrase in theirs, it is none of them and is not hashed.
    static func isChrome(_ normalized: String) -> Bool {
        if normalized.utf8.count > longestChrome, SimpleCharacters.all(normalized) { return false }
        return chrome.contains(normalized)
    }

    /// `isChrome`, told whether `normalized` is simple.
    static func isChrome(_ normalized: String, simple: Bool) -> Bool {
        if simple && normalized.utf8.count > longestChrome { return false }
        return chrome.contains(normalized)
    }

    /// The longest phrase in bytes. The phrases are written in NFC (a test checks it), so
    /// their own lengths are those of their canonical forms; normalizing them here cost
    /// 3.5 M instructions (Foundation's Unicode tables) at the first plain-text article.
    static let longestChrome = chrome.map(\.utf8.count).max() ?? 0

    /// Lower-cased, trimmed of surrounding punctuation and spaces.
    static func normalized(_ line: String) -> String {
        var line = line
        // ASCII (most lines): lower-case and trim on bytes.
        let fast = line.withUTF8 { bytes -> String? in
            var lo = 0, hi = bytes.count
            for b in bytes where b >= 0x80 { return nil }
            func leading(_ b: UInt8) -> Bool { b <= 0x20 || b == 0x7C || b == 0x3E || b == 0x2D || b == 0x3A || b == 0x2A || b == 0x23 }
            func trailing(_ b: UInt8) -> Bool { b <= 0x20 || b == 0x7C || b == 0x3C || b == 0x2D || b == 0x3A || b == 0x2A || b == 0x2E }
            while lo < hi, leading(bytes[lo]) { lo += 1 }
            while hi > lo, trailing(bytes[hi - 1]) { hi -= 1 }
            var out: [UInt8] = []
            out.reserveCapacity(hi - lo)
            for i in lo..<hi { let b = bytes[i]; out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) }
            return String(decoding: out, as: UTF8.self)
        }
        if let fast { return fast }
        let lower = line.quickLowercased()
        if SimpleCharacters.all(lower) {
            // Each Character is one scalar: trim scalars.
            return String(ScalarTrim.trim(lower[...], leading: { $0.properties.isWhitespace || leadingMarks.contains($0) },
                                          trailing: { $0.properties.isWhitespace || trailingMarks.contains($0) }))
        }
        return trimCharacters(lower)
    }

    /// For bytes that are ASCII and `isPlainMark` scalars only: whether all are
    /// ASCII, and whether there is a line break ("\n" or "\r"). Nil for others.
    /// Eight ASCII bytes are taken at once (looked at for line breaks only until one is seen).
    static func plainMarkScan(_ bytes: UnsafeBufferPointer<UInt8>) -> (ascii: Bool, lineBreak: Bool)? {
        var ascii = true, lineBreak = false
        var i = 0
        let n = bytes.count
        while i < n {
            if i + 8 <= n, let base = bytes.baseAddress {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    if !lineBreak && (hasByte(word, 0x0A) || hasByte(word, 0x0D)) { lineBreak = true }
                    i += 8
                    continue
                }
            }
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x0A || b == 0x0D { lineBreak = true }
                i += 1
                continue
            }
            let (value, length) = WordCount.decode(bytes, at: i)
            guard isPlainMark(value) else { return nil }
            ascii = false
            i += length
        }
        return (ascii, lineBreak)
    }

    /// Whether one of eight ASCII bytes is `byte` (exact: a borrow can only spoil the bytes after
    /// the first match, and no byte has its high bit set to begin with).
    @inline(__always)
    static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }

    /// `normalized` of a line given as bytes, and whether the result is simple, for the lines
    /// it can make without Unicode tables: ASCII (its own path, as `normalized` takes it), or
    /// ASCII with scalars from `isPlainMark` and no line breaks, which lower-case to themselves
    /// and leave the line simple, so `normalized` trims it by scalars. Nil for other lines.
    static func normalizedFast(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, Bool)? {
        guard let (range, simple) = normalizedFastRange(bytes) else { return nil }
        return (FoldedLine.string(UnsafeBufferPointer(rebasing: bytes[range])), simple)
    }

    /// `normalizedFast` as the bytes it keeps: the result is those bytes with ASCII capitals
    /// lower-cased (a `FoldedLine`).
    static func normalizedFastRange(_ bytes: UnsafeBufferPointer<UInt8>) -> (Range<Int>, Bool)? {
        let n = bytes.count
        guard let scan = plainMarkScan(bytes) else { return nil }
        let (ascii, lineBreak) = scan
        var lo = 0, hi = n
        var simple = true
        if ascii {
            func leading(_ b: UInt8) -> Bool { b <= 0x20 || b == 0x7C || b == 0x3E || b == 0x2D || b == 0x3A || b == 0x2A || b == 0x23 }
            func trailing(_ b: UInt8) -> Bool { b <= 0x20 || b == 0x7C || b == 0x3C || b == 0x2D || b == 0x3A || b == 0x2A || b == 0x2E }
            while lo < hi, leading(bytes[lo]) { lo += 1 }
            while hi > lo, trailing(bytes[hi - 1]) { hi -= 1 }
            if lineBreak { simple = !UnsafeBufferPointer(rebasing: bytes[lo..<hi]).contains { $0 == 0x0A || $0 == 0x0D } }
        } else {
            guard !lineBreak else { return nil }
            while lo < hi {
                let (value, length) = WordCount.decode(bytes, at: lo)
                guard isTrimmedLeading(value) else { break }
                lo += length
            }
            while hi > lo {
                var start = hi - 1
                while bytes[start] & 0xC0 == 0x80 { start -= 1 }
                guard isTrimmedTrailing(WordCount.decode(bytes, at: start).0) else { break }
                hi = start
            }
        }
        return (lo..<hi, simple)
    }

    /// `normalizedFast` of ASCII bytes without line breaks (the result is then simple): trimmed
    /// on bytes and lower-cased eight bytes at a time.
    static func normalizedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        FoldedLine.string(UnsafeBufferPointer(rebasing: bytes[normalizedASCIIRange(bytes)]))
    }

    /// `normalizedASCII` as the bytes it keeps (each ASCII capital then lower-cased).
    static func normalizedASCIIRange(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        func leading(_ b: UInt8) -> Bool { b <= 0x20 || b == 0x7C || b == 0x3E || b == 0x2D || b == 0x3A || b == 0x2A || b == 0x23 }
        func trailing(_ b: UInt8) -> Bool { b <= 0x20 || b == 0x7C || b == 0x3C || b == 0x2D || b == 0x3A || b == 0x2A || b == 0x2E }
        var lo = 0, hi = bytes.count
        while lo < hi, leading(bytes[lo]) { lo += 1 }
        while hi > lo, trailing(bytes[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    /// Eight ASCII bytes with "A"..."Z" lower-cased: 0x20 added to each byte that is a capital.
    @inline(__always)
    static func asciiLowercased(_ word: UInt64) -> UInt64 {
        // A byte below 0x80 plus 0x3F reaches 0x80 from "A" on; plus 0x25 it does from "[" on; neither carries.
        let capitals = (word &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(word &+ 0x2525_2525_2525_2525) & 0x8080_8080_8080_8080
        return word | capitals >> 2
    }

    /// Latin-1 signs and general punctuation (quotes, dashes, "…", "•"): simple, caseless,
    /// and white space only for U+00A0. The tests check each against the standard library.
    @inline(__always)
    static func isPlainMark(_ v: UInt32) -> Bool {
        (v >= 0xA0 && v <= 0xBF) || (v >= 0x2010 && v <= 0x2027) || (v >= 0x2030 && v <= 0x205E)
    }

    /// White space or one of `leadingMarks`, for ASCII and `isPlainMark` scalars.
    static func isTrimmedLeading(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0xA0: return true
        case 0x7C, 0x3E, 0x2D, 0x3A, 0x2A, 0x23, 0x2022, 0xB7, 0xBB, 0x203A, 0x2013, 0x2014: return true
        default: return false
        }
    }

    /// White space or one of `trailingMarks`, for ASCII and `isPlainMark` scalars.
    static func isTrimmedTrailing(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0xA0: return true
        case 0x7C, 0x3C, 0x2D, 0x3A, 0x2A, 0x2E, 0x2022, 0xB7, 0xAB, 0x2039, 0x2013, 0x2014, 0x2026: return true
        default: return false
        }
    }

    /// The trimming of `normalized` done on Characters, for text that is not simple.
    static func trimCharacters(_ lower: String) -> String {
        var t = Substring(lower)
        while let f = t.first, f.isWhitespace || "•·|>»›-–—:*#".contains(f) { t.removeFirst() }
        while let l = t.last, l.isWhitespace || "•·|<«‹-–—:*.…".contains(l) { t.removeLast() }
        return String(t)
    }

    /// Prefixes of short lines that are site chrome ("Share on Facebook", "Follow us on X").
    static let chromePrefixes: [String] = [
        "share on ", "share via ", "share this ", "follow us on ", "follow us ", "like us on ", "download the app",
        "download our app", "get the app", "listen to this article", "listen to this story", "skip to ", "jump to ",
        "sign in to ", "log in to ", "subscribe for ", "subscribe from ", "subscribe to ", "already a subscriber",
        "already have an account", "create an account", "create a free account", "auf facebook teilen", "teilen auf ",
        "folgen sie uns auf ", "partager sur ", "suivez-nous sur ", "compartir en ", "síguenos en ", "advertisement -",
        "anzeige -", "publicité -", "hi, what are you", "what are you looking for",
    ]

    /// Cookie and consent banners, in any of the four languages.
    /// The line is only made when the word count allows a notice (lower-casing a paragraph is not free).
    static func isConsentNotice(_ line: @autoclosure () -> String, words: Int) -> Bool {
        guard words <= 70, words >= 4 else { return false }
        let normalizedLine = line()
        guard containsASCII(normalizedLine, "cookie") else { return false }
        let verbs = ["we use", "this site uses", "this website uses", "uses cookies", "accept", "consent", "by continuing",
                     "wir verwenden", "verwendet cookies", "akzeptieren", "zustimm", "einwillig", "nous utilisons",
                     "utilise des cookies", "accepter", "consentement", "utilizamos", "usamos cookies", "utiliza cookies",
                     "aceptar", "consentimiento"]
        return verbs.contains { containsASCII(normalizedLine, $0) }
    }

    static func isEndCue(_ normalizedLine: String, words: Int) -> Bool {
        if words <= 7, endCues.contains(normalizedLine) { return true }
        if words <= 6, shortEndIndex.matches(normalizedLine) { return true }
        return words <= 40 && endIndex.matches(normalizedLine)
    }

    /// `isEndCue`, told whether the line is simple: then a line longer in bytes than every
    /// cue is none of them, and prefixes are compared byte for byte.
    static func isEndCue(_ normalizedLine: String, words: Int, simple: Bool) -> Bool {
        guard simple else { return isEndCue(normalizedLine, words: words) }
        if words <= 7, normalizedLine.utf8.count <= longestEndCue, endCues.contains(normalizedLine) { return true }
        if words <= 6, shortEndIndex.matches(normalizedLine, simple: true) { return true }
        return words <= 40 && endIndex.matches(normalizedLine, simple: true)
    }

    /// `isEndCue(normalized, words:, simple: true)` for a simple normalized line given as its bytes.
    static func isEndCue(_ line: FoldedLine, words: Int) -> Bool {
        if words <= 7, endCueTable.contains(line) { return true }
        if words <= 6, shortEndIndex.matches(line) { return true }
        return words <= 40 && endIndex.matches(line)
    }

    /// `isChrome(normalized, simple: true)` for a simple normalized line given as its bytes.
    static func isChrome(_ line: FoldedLine) -> Bool { chromeTable.contains(line) }

    static let endCueTable = PhraseTable(endCues)
    static let chromeTable = PhraseTable(chrome)

    /// The longest cue in bytes (written in NFC too; see `longestChrome`).
    static let longestEndCue = endCues.map(\.utf8.count).max() ?? 0

    static let endIndex = PrefixIndex(endPrefixes)
    static let shortEndIndex = PrefixIndex(shortEndPrefixes)
    static let chromeIndex = PrefixIndex(chromePrefixes)

    /// Prefixes grouped by their first byte, so a line is compared only with the few
    /// that could match it.
    struct PrefixIndex {
        private var byFirstByte: [[String]] = Array(repeating: [], count: 256)
        private var bytesByFirstByte: [[[UInt8]]] = Array(repeating: [], count: 256)

        init(_ prefixes: [String]) {
            for p in prefixes {
                guard let b = p.utf8.first else { continue }
                byFirstByte[Int(b)].append(p)
                bytesByFirstByte[Int(b)].append(Array(p.utf8))
            }
        }

        func matches(_ text: String) -> Bool {
            guard let b = text.utf8.first else { return false }
            return byFirstByte[Int(b)].contains { text.hasPrefix($0) }
        }

        /// `matches(normalized, simple: true)` for a simple normalized line given as its bytes.
        func matches(_ line: FoldedLine) -> Bool {
            guard line.count > 0 else { return false }
            for p in bytesByFirstByte[Int(line[0])] where line.hasPrefix(p) { return true }
            return false
        }

        /// `matches`, told whether `text` is simple. Each Character of simple text is one scalar
        /// equal to no other, and each prefix's Characters are single scalars (the tests check),
        /// so `hasPrefix` is then a byte comparison.
        func matches(_ text: String, simple: Bool) -> Bool {
            guard simple else { return matches(text) }
            var text = text
            return text.withUTF8 { bytes -> Bool in
                guard let b = bytes.first else { return false }
                for p in bytesByFirstByte[Int(b)] where p.count <= bytes.count {
                    if p.withUnsafeBufferPointer({ p in (1..<p.count).allSatisfy { bytes[$0] == p[$0] } }) { return true }
                }
                return false
            }
        }
    }

    /// `needle` (ASCII) occurs in `text`: a byte search, cheaper than Foundation's.
    static func containsASCII(_ text: String, _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard let first = n.first else { return true }
        var text = text
        return text.withUTF8 { bytes -> Bool in
            guard bytes.count >= n.count else { return false }
            var i = 0
            let last = bytes.count - n.count
            while i <= last {
                if bytes[i] == first {
                    var k = 1
                    while k < n.count && bytes[i + k] == n[k] { k += 1 }
                    if k == n.count { return true }
                }
                i += 1
            }
            return false
        }
    }
}
