import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MenuButton } from './menu-button';

function renderMenu() {
  const onProfile = vi.fn();
  render(
    <>
      <MenuButton label="Account" items={[{ label: 'Profile', onSelect: onProfile }, { label: 'Sign out', onSelect: () => {} }]}>
        <span>A</span>
      </MenuButton>
      <p>Elsewhere</p>
    </>,
  );
  return { onProfile };
}

// The popup's code comes on idle; these tests open the menu before it has, as a quick first click does.
describe('Account menu button', () => {
  it('opens on the first click with focus on the first item, and Esc closes it back to the button', async () => {
    renderMenu();
    const button = screen.getByRole('button', { name: 'Account' });
    await userEvent.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const menu = await screen.findByRole('menu', { name: 'Account' });
    await waitFor(() => expect(screen.getByRole('menuitem', { name: 'Profile' })).toHaveFocus());
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Sign out' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(menu).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('opens from the keyboard (ArrowUp: on the last item), selects with Enter, and closes on a click outside', async () => {
    const { onProfile } = renderMenu();
    const button = screen.getByRole('button', { name: 'Account' });
    button.focus();
    await userEvent.keyboard('{ArrowUp}');
    await waitFor(() => expect(screen.getByRole('menuitem', { name: 'Sign out' })).toHaveFocus());
    await userEvent.keyboard('{Home}{Enter}');
    expect(onProfile).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();

    await userEvent.click(button);
    await screen.findByRole('menu', { name: 'Account' });
    await userEvent.click(screen.getByText('Elsewhere'));
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });
});
