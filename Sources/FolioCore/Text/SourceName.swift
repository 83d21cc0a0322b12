import Foundation

/// Names a site for the list's source column.
public enum SourceName {
    /// The host of a URL without `www.`: "https://www.example.org/a" -> "example.org".
    public static func fromURL(_ url: String) -> String? {
        guard let host = URLComponents(string: url.trimmingSpaces())?.host?.quickLowercased(), host.contains(".") else { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }
}
