import GongwenCLI
