from ethiq.cli.app import main

main()
