/// Picks the element that holds the article and the elements inside it that
/// are not article (navigation, share bars, related links, banners).
enum HTMLContentFinder {
    static let boilerplateTags: Set<String> = ["nav", "header", "footer", "aside", "form", "dialog", "menu"]
    static let boilerplateHints = [
        "cookie", "consent", "banner", "share", "social", "related", "newsletter", "subscribe", "advert", "promo",
        "sponsor", "comment", "sidebar", "navigation", "navbar", "breadcrumb", "footer", "masthead", "popup", "modal",
        "outbrain", "taboola", "recirc", "more-stories", "read-more", "signup", "paywall", "toolbar", "skip-link",
    ]
    static let adHints = ["ad", "ads", "adslot", "ad-slot", "ad-container", "advertisement"]

    /// The element to render: `<article>` (the one with most text), `<main>`,
    /// or the body.
    static func mainElement(_ root: HTMLNode) -> HTMLNode {
        let articles = root.descendants { $0.name == "article" || $0.attribute("itemprop") == "articleBody" }
        if let best = articles.max(by: { textLength($0) < textLength($1) }), textLength(best) > 200 { return best }
        if let main = root.first("main") ?? root.descendants(where: { $0.attribute("role") == "main" }).first, textLength(main) > 200 { return main }
        return root.first("body") ?? root
    }

    static func isBoilerplate(_ node: HTMLNode) -> Bool {
        if boilerplateTags.contains(node.name) { return true }
        if node.attribute("role").map({ ["navigation", "banner", "contentinfo", "complementary", "dialog", "search"].contains($0) }) == true { return true }
        let hints = node.classAndID
        guard !hints.trimmingCharacters(in: .whitespaces).isEmpty else { return false }
        if hints.contains("article-body") || hints.contains("story-body") || hints.contains("post-content") { return false }
        if boilerplateHints.contains(where: { hints.contains($0) }) { return true }
        let words = hints.split { !$0.isLetter && !$0.isNumber && $0 != "-" }
        // "ad-slot", and "story-ad" / "vl-ad-mid" (an "ad" part inside a longer name).
        return words.contains { adHints.contains(String($0)) || $0.split(separator: "-").contains { $0 == "ad" || $0 == "ads" } }
    }

    static func textLength(_ node: HTMLNode) -> Int {
        var n = 0
        node.forEachText { n += $0.count }
        return n
    }
}
