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
        "comentarios", "más noticias", "lee también", "relacionados",
    ]

    /// Prefixes of lines that end the article (attribution, copyright, legal).
    static let endPrefixes: [String] = [
        "this post appeared first on", "this article appeared first on", "this story appeared first on",
        "this article was originally published", "this story was originally published", "originally published",
        "this article originally appeared", "©", "(c) 20", "copyright ", "dieser artikel erschien zuerst",
        "cet article est paru", "este artículo se publicó",
    ]

    /// Prefixes that end the article only on short lines ("More from Harbour Daily").
    static let shortEndPrefixes: [String] = [
        "more from ", "more in ", "more stories from ", "all rights reserved", "privacy policy", "terms of use",
        "terms of service", "terms & conditions", "impressum", "datenschutz", "mentions légales", "aviso legal",
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
    ]

    /// Lower-cased, trimmed of surrounding punctuation and spaces.
    static func normalized(_ line: String) -> String {
        var t = Substring(line.lowercased())
        while let f = t.first, f.isWhitespace || "•·|>»›-–—:*#".contains(f) { t.removeFirst() }
        while let l = t.last, l.isWhitespace || "•·|<«‹-–—:*.…".contains(l) { t.removeLast() }
        return String(t)
    }

    static func isEndCue(_ normalizedLine: String, words: Int) -> Bool {
        if words <= 7, endCues.contains(normalizedLine) { return true }
        if words <= 6, shortEndPrefixes.contains(where: { normalizedLine.hasPrefix($0) }) { return true }
        return words <= 40 && endPrefixes.contains { normalizedLine.hasPrefix($0) }
    }
}
