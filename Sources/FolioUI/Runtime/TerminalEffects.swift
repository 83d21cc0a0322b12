import Foundation
import FolioCore
import TermKit

/// Effects that need the terminal: running $EDITOR, piping an article to a
/// command, opening a link, copying to the clipboard. The screen is handed
/// to the program and taken back (and redrawn) afterwards.
enum TerminalEffects {
    /// Terminal browsers take over the screen; others start beside folio.
    static let terminalBrowsers: Set<String> = ["lynx", "w3m", "links", "elinks", "browsh", "www-browser", "carbonyl"]

    static func perform(_ effect: Effect, backend: Backend, environment: Environment = .process) -> [Action] {
        switch effect {
        case .copyToClipboard(let text):
            backend.copyToClipboard(text)
            return []
        case .edit(let file):
            let editor = environment["VISUAL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["EDITOR"].flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
            return handOver(backend) { ProcessRunner.shell("\(editor) \(ProcessRunner.quote(file))") }
                .map { [.effectFailed("\(editor) failed: \($0)")] } ?? []
        case .pipe(let command, let text):
            return handOver(backend, waitForEnter: true) { ProcessRunner.shell(command, input: text) }
                .map { [.effectFailed("\(command): \($0)")] } ?? []
        case .openURL(let url):
            guard url.hasPrefix("http://") || url.hasPrefix("https://") || url.hasPrefix("mailto:") else {
                return [.effectFailed("Not opened: \(url) is not a web link.")]
            }
            let browser = environment["BROWSER"].flatMap { $0.isEmpty ? nil : $0.split(separator: ":").first.map(String.init) } ?? "xdg-open"
            let name = (browser.split(separator: " ").first.map(String.init) ?? browser).split(separator: "/").last.map(String.init) ?? browser
            if terminalBrowsers.contains(name) {
                return handOver(backend) { ProcessRunner.shell("\(browser) \(ProcessRunner.quote(url))") }
                    .map { [.effectFailed("\(browser): \($0)")] } ?? []
            }
            if let failure = ProcessRunner.detached("\(browser) \(ProcessRunner.quote(url))") {
                return [.effectFailed("Could not start \(browser): \(failure)")]
            }
            return [.effectFailed("Opened \(url)")]
        default:
            return []
        }
    }

    /// Gives the terminal to `run`, then takes it back; returns `run`'s failure.
    private static func handOver(_ backend: Backend, waitForEnter: Bool = false, _ run: () -> String?) -> String? {
        backend.suspend()
        let failure = run()
        if waitForEnter {
            FileHandle.standardOutput.write(Data("\n[Press Enter to return to folio]".utf8))
            _ = readLine()
        }
        backend.resume()
        return failure
    }
}
