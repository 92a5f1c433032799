import GongwenServe

ServeCommand.main()
