/// Numbers the link targets of an article in the order they first appear;
/// the same URL keeps one number.
final class LinkTable {
    private(set) var urls: [String] = []
    private var numbers: [String: Int] = [:]

    func number(for url: String) -> Int? {
        let url = url.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !url.isEmpty, !url.hasPrefix("#"), !url.lowercased().hasPrefix("javascript:") else { return nil }
        if let n = numbers[url] { return n }
        urls.append(url)
        numbers[url] = urls.count
        return urls.count
    }
}

import Foundation
