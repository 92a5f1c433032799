import GongwenModel

/// The one error a build or a command ends with. Its family decides the process's exit code, so scripts can
/// tell bad data from a broken template from a disk problem.
public struct GongwenError: Error, Sendable, CustomStringConvertible {
    public enum Family: Sendable {
        /// The campaign's data has errors (all of them are in `diagnostics`).
        case invalidData
        /// A template cannot be parsed or renders something unusable.
        case template
        /// Reading or writing files failed.
        case io
        /// The command was called wrongly.
        case usage

        /// BSD sysexits(3) values: EX_DATAERR, EX_CONFIG, EX_IOERR, EX_USAGE.
        public var exitCode: Int32 {
            switch self {
            case .invalidData: 65
            case .template: 78
            case .io: 74
            case .usage: 64
            }
        }
    }

    public var family: Family
    /// The build step that failed, when it happened in a build.
    public var step: String?
    /// The file concerned, if any.
    public var path: String?
    public var message: String
    public var diagnostics: [Diagnostic]

    public init(
        _ family: Family, step: String? = nil, path: String? = nil, message: String, diagnostics: [Diagnostic] = []
    ) {
        self.family = family
        self.step = step
        self.path = path
        self.message = message
        self.diagnostics = diagnostics
    }

    public var description: String {
        var text = ""
        if let step { text += "[\(step)] " }
        if let path { text += "\(path): " }
        return text + message
    }
}
