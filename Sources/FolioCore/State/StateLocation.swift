import Foundation

/// Where the state database lives: `--state PATH`, else `$FOLIO_STATE`, else
/// `$XDG_STATE_HOME/folio/state.sqlite` (default `~/.local/state/folio/state.sqlite`).
public enum StateLocation {
    public static func resolve(option: String?, environment: Environment = .process) -> String {
        if let option, !option.isEmpty { return option }
        if let env = environment["FOLIO_STATE"], !env.isEmpty { return env }
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") { return xdg + "/folio/state.sqlite" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/state/folio/state.sqlite"
    }

    /// The metadata index beside a state database: `index.sqlite` in the same folder.
    public static func index(besideState statePath: String) -> String {
        let folder = (statePath as NSString).deletingLastPathComponent
        return (folder.isEmpty ? "." : folder) + "/index.sqlite"
    }
}
