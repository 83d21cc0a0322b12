import FolioCore

/// `L` lists the article's links; in that list j/k move, Enter or o opens the
/// link in the browser, y copies it, 1–9 pick a link, q or Esc close it.
/// `y` elsewhere copies the article's URL.
extension AppState {
    var readerArticle: Article? {
        if case .loaded(let article)? = reader?.content { return article }
        return nil
    }

    mutating func showLinks() -> [Effect] {
        guard let article = readerArticle else { message = "Open an article first."; return [] }
        guard !article.links.isEmpty else { message = "This article has no links."; return [] }
        linkSelection = 0
        return []
    }

    mutating func reduceLinks(_ command: Command) -> [Effect] {
        let links = readerArticle?.links ?? []
        guard let selected = linkSelection, !links.isEmpty else { linkSelection = nil; return [] }
        switch command {
        case .down: linkSelection = min(links.count - 1, selected + 1)
        case .up: linkSelection = max(0, selected - 1)
        case .first: linkSelection = 0
        case .last: linkSelection = links.count - 1
        case .openLink, .open: return [.openURL(links[selected])]
        case .yank: return copy(links[selected])
        case .back, .closeHelp, .links, .quit: linkSelection = nil
        case .quitAll: quitting = true
        default:
            if let n = command.viewNumber, n <= links.count { linkSelection = n - 1; return [.openURL(links[n - 1])] }
        }
        return []
    }

    /// Copies text to the clipboard of the terminal (OSC 52, through SSH and tmux).
    mutating func copy(_ text: String) -> [Effect] {
        message = "Copied \(text)"
        return [.copyToClipboard(text)]
    }

    mutating func yankArticleURL() -> [Effect] {
        guard let url = readerArticle?.url ?? nil else {
            message = readerArticle == nil ? "Open an article first." : "This article has no URL; L lists its links."
            return []
        }
        return copy(url)
    }
}
