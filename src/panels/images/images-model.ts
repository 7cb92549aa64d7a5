import { batch, computed, signal } from '@preact/signals';
import type { DescribeImagesInput, Image } from '../../cloud/ec2';
import {
  deregisterImage,
  describeImages,
  describeLaunchPermissions,
  ec2Call,
  ec2List,
  type LaunchPermissions,
  type ModifyLaunchPermissionsInput,
  modifyLaunchPermissions,
  type RegisterImageInput,
  registerImage,
} from '../../cloud/ec2';
import type { CloudErrorData } from '../../cloud/errors';
import { type CurrentProfile, watchCurrentProfile } from '../current-profile';
import { asError } from '../errors';

export const IMAGE_VIEWS = [
  'mine',
  'amazon',
  'executable',
  'public',
  'kernels',
  'ramdisks',
] as const;
export type ImageView = (typeof IMAGE_VIEWS)[number];

/** What each view asks the server for; filtering happens there, where the server can. */
export function imagesRequest(view: ImageView): DescribeImagesInput {
  switch (view) {
    case 'mine':
      return { owners: ['self'] };
    case 'amazon':
      return { owners: ['amazon'] };
    case 'executable':
      return { executableBy: ['self'] };
    case 'public':
      return { filters: [{ name: 'is-public', values: ['true'] }] };
    case 'kernels':
      return { filters: [{ name: 'image-type', values: ['kernel'] }] };
    case 'ramdisks':
      return { filters: [{ name: 'image-type', values: ['ramdisk'] }] };
  }
}

/** Lower-case text a search matches: id, name, location, description. */
export function searchText(image: Image): string {
  return `${image.imageId}\n${image.name}\n${image.imageLocation}\n${image.description}`.toLowerCase();
}

export type ImagesDialog =
  | { kind: 'register' }
  | { kind: 'deregister'; ids: string[] }
  | { kind: 'permissions'; imageId: string; permissions: LaunchPermissions | null }
  | { kind: 'launch'; image: Image };

export function createImagesModel() {
  const view = signal<ImageView>('mine');
  const images = signal<Image[]>([]);
  const loading = signal(false);
  const error = signal<CloudErrorData | null>(null);
  const notice = signal<string | null>(null);
  const query = signal('');
  const selected = signal<ReadonlySet<string>>(new Set());
  const dialog = signal<ImagesDialog | null>(null);
  const dialogError = signal<CloudErrorData | null>(null);
  let haystacks: string[] = [];
  let generation = 0;
  let current: CurrentProfile | null = null;

  const filtered = computed(() => {
    const all = images.value;
    const words = query.value.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return all;
    const out: Image[] = [];
    for (let i = 0; i < all.length; i++) {
      const hay = haystacks[i] ?? '';
      if (words.every((w) => hay.includes(w))) out.push(all[i] as Image);
    }
    return out;
  });

  /** `keepSelection`: a refresh after an action keeps the selected images selected. */
  async function load(keepSelection = false) {
    const mine = ++generation;
    if (!current) {
      batch(() => {
        images.value = [];
        loading.value = false;
      });
      return;
    }
    const { profile, signer } = current;
    batch(() => {
      loading.value = true;
      error.value = null;
      images.value = [];
      if (!keepSelection) selected.value = new Set();
    });
    haystacks = [];
    try {
      await ec2List(describeImages, profile, signer, imagesRequest(view.value), {
        // Rows show as the response arrives: all public images on AWS is about 70 MB of XML.
        stream: true,
        onPage(page) {
          if (mine !== generation) return;
          for (const image of page) haystacks.push(searchText(image));
          images.value = images.value.concat(page);
        },
      });
    } catch (e) {
      if (mine === generation) error.value = asError(e);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  const watcher = watchCurrentProfile((next) => {
    current = next;
    void load();
  });

  async function act(action: (c: CurrentProfile) => Promise<string | null>): Promise<boolean> {
    if (!current) return false;
    dialogError.value = null;
    try {
      const message = await action(current);
      batch(() => {
        dialog.value = null;
        notice.value = message;
      });
      return true;
    } catch (e) {
      // The dialog stays open with what was typed; the message says what went wrong.
      dialogError.value = asError(e);
      return false;
    }
  }

  return {
    view,
    images,
    filtered,
    loading,
    error,
    notice,
    query,
    selected,
    dialog,
    dialogError,
    profile: watcher.current,
    load,
    setView(next: ImageView) {
      view.value = next;
      void load();
    },
    open(next: ImagesDialog | null) {
      batch(() => {
        dialog.value = next;
        dialogError.value = null;
      });
    },
    register: (input: RegisterImageInput) =>
      act(async ({ profile, signer }) => {
        const imageId = await ec2Call(registerImage, profile, signer, input);
        void load(true);
        return imageId;
      }),
    deregister: (ids: string[]) =>
      act(async ({ profile, signer }) => {
        for (const imageId of ids) await ec2Call(deregisterImage, profile, signer, { imageId });
        void load();
        return ids.join(', ');
      }),
    async showPermissions(imageId: string) {
      this.open({ kind: 'permissions', imageId, permissions: null });
      if (!current) return;
      try {
        const permissions = await ec2Call(
          describeLaunchPermissions,
          current.profile,
          current.signer,
          {
            imageId,
          },
        );
        const open = dialog.value;
        if (open?.kind === 'permissions' && open.imageId === imageId)
          dialog.value = { ...open, permissions };
      } catch (e) {
        dialogError.value = asError(e);
      }
    },
    /** Changes launch permissions; the dialog stays open and shows the new state. */
    async changePermissions(
      imageId: string,
      change: Omit<ModifyLaunchPermissionsInput, 'imageId'>,
    ) {
      if (!current) return false;
      const { profile, signer } = current;
      dialogError.value = null;
      try {
        await ec2Call(modifyLaunchPermissions, profile, signer, { imageId, ...change });
        const permissions = await ec2Call(describeLaunchPermissions, profile, signer, { imageId });
        const open = dialog.value;
        if (open?.kind === 'permissions' && open.imageId === imageId)
          dialog.value = { ...open, permissions };
        void load(true);
        return true;
      } catch (e) {
        dialogError.value = asError(e);
        return false;
      }
    },
    dispose() {
      generation++;
      watcher.dispose();
    },
  };
}

export type ImagesModel = ReturnType<typeof createImagesModel>;
