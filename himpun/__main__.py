from himpun.cli import main

main()
