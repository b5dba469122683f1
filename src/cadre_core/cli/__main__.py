"""``python -m cadre_core.cli``: the ``cadre`` command."""

from cadre_core.cli import main

if __name__ == "__main__":
    main()
