import GongwenCLI

Gongwen.main()
