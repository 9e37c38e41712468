from kronika.cli import main

main()
